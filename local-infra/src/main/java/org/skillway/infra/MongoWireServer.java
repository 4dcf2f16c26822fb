package org.skillway.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on a real socket. The real MongoDB driver
 * talks to it as it would to {@code mongod}, and, as {@code mongod} does, a query that names {@code
 * _id} is answered from the {@code _id} index ({@link IdIndexLookups}). It lacks transactions,
 * change streams without an oplog, TTL expiry and geo queries, so services must not rely on those.
 */
public final class MongoWireServer implements AutoCloseable {
  private final MongoServer server;
  private final MongoBackend backend;
  private final String connectionString;

  private MongoWireServer(MongoBackend backend, String host, int port) {
    this.backend = backend;
    this.server = new MongoServer(backend);
    server.bind(host, port);
    var address = server.getLocalAddress();
    this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  /** Data in memory, gone when the server stops: for tests. Port 0 picks a free port. */
  public static MongoWireServer inMemory(String host, int port) {
    return new MongoWireServer(IdIndexLookups.memory(), host, port);
  }

  /** Data in an H2 MVStore file, so a restart keeps it: for the local platform. */
  public static MongoWireServer persistent(Path file, String host, int port) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new MongoWireServer(IdIndexLookups.h2(file.toString()), host, port);
  }

  public String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    server.shutdown();
    if (backend instanceof H2Backend h2) {
      h2.close();
    }
  }
}
