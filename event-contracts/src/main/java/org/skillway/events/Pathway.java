package org.skillway.events;

/** The three kinds of people Skillway serves; each fits different kinds of role. */
public enum Pathway {
  STUDENT,
  RETRAINER,
  EXPERIENCED
}
