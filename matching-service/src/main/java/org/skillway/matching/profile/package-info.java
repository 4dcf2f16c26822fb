/** Profiles as matching keeps them, and which profile partitions this instance owns. */
package org.skillway.matching.profile;
