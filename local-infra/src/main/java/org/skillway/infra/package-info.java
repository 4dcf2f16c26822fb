/**
 * Real infrastructure without Docker: Apache Kafka's own KRaft broker and a MongoDB wire-protocol
 * server, used by the local platform and by tests, plus {@link
 * org.skillway.infra.TestInfrastructure}, which picks Testcontainers instead when a Docker engine
 * is present.
 */
package org.skillway.infra;
