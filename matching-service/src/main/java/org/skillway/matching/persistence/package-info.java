/**
 * MongoDB write patterns that work on real MongoDB and on the wire-protocol server alike (no
 * transactions).
 */
package org.skillway.matching.persistence;
