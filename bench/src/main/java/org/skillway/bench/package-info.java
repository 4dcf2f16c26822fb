/**
 * Benchmarks of matching on generated data built from the real ESCO taxonomy and North West
 * outcodes: the index against brute force and against Apache Lucene, plus load and memory probes.
 * Results go to BENCHMARKS.md.
 */
package org.skillway.bench;
