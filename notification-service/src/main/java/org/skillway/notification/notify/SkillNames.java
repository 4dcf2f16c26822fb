package org.skillway.notification.notify;

/**
 * The name a person reads for a skill or occupation id (an ESCO preferred label); unknown ids as
 * they are.
 */
@FunctionalInterface
public interface SkillNames {
  String of(String skillId);
}
