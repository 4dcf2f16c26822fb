package org.skillway.support;

/**
 * One thing wrong with a request: the field (a dotted path such as {@code skills[0].level}) and
 * why.
 */
public record FieldError(String field, String reason) {}
