/**
 * The ESCO skills taxonomy in memory: skills and skill groups with their labels as synonyms, the
 * hierarchy, the skill-to-skill relations and the occupations. Plain Java, loaded from files
 * bundled in this module.
 */
package org.skillway.taxonomy;
