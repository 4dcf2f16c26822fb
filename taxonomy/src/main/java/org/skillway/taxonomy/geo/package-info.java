/** UK postcode outcodes with their coordinates, and great-circle distances between them. */
package org.skillway.taxonomy.geo;
