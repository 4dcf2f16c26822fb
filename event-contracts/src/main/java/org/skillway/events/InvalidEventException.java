package org.skillway.events;

/**
 * An event that cannot be read: not JSON, an unknown type or schema version, or a payload that
 * breaks the contract. Consumers send such events to their dead-letter topic with {@link
 * #getMessage()} as the reason; retrying cannot fix them.
 */
public class InvalidEventException extends RuntimeException {
  public InvalidEventException(String reason) {
    super(reason);
  }

  public InvalidEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
