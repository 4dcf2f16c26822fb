/**
 * The local platform: one command starts Apache Kafka's broker, the MongoDB wire server and the
 * three services, with data under one folder that survives a restart. The end-to-end tests start
 * the services the same way.
 */
package org.skillway.local;
