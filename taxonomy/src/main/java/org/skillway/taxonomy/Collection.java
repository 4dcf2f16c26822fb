package org.skillway.taxonomy;

/**
 * The ESCO collections that hold fine-grained skills; every other sector is covered at skill-group
 * level.
 */
public enum Collection {
  DIGITAL,
  GREEN,
  TRANSVERSAL,
  LANGUAGE,
  DIGCOMP
}
