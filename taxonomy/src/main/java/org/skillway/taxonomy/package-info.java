/**
 * The whole ESCO skills pillar in memory: skills, knowledge and skill groups of every sector with
 * their labels as synonyms, the hierarchy, the skill-to-skill relations, the occupations and their
 * essential and optional skills. Plain Java, loaded from files bundled in this module.
 */
package org.skillway.taxonomy;
