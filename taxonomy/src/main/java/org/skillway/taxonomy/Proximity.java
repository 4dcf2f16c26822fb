package org.skillway.taxonomy;

/** How a skill a person has relates to one a vacancy needs, strongest first. */
public enum Proximity {
  EXACT,
  NARROWER,
  BROADER,
  RELATED,
  NONE
}
