package org.skillway.infra;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' compare-and-set writes ({@code {_id, version}}) and look-ups by many ids ({@code
 * _id $in}, with more conditions) are answered from the {@code _id} index now: they must still mean
 * exactly what they mean on MongoDB, on both of the wire server's stores.
 */
class MongoWireServerTest {
  @TempDir Path folder;

  private MongoWireServer start(String store) {
    return store.equals("memory")
        ? MongoWireServer.inMemory("127.0.0.1", 0)
        : MongoWireServer.persistent(folder.resolve("data.mv"), "127.0.0.1", 0);
  }

  private <T> T withCollection(String store, Function<MongoCollection<Document>, T> work) {
    try (MongoWireServer server = start(store);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> matches = client.getDatabase("test").getCollection("matches");
      matches.insertMany(
          List.of(
              new Document("_id", "a").append("version", 1).append("published", false),
              new Document("_id", "b").append("version", 1).append("published", false),
              new Document("_id", "c").append("version", 3).append("published", true)));
      return work.apply(matches);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "h2"})
  void aCompareAndSetChangesTheDocumentOnlyAtTheVersionItExpects(String store) {
    List<Long> modified =
        withCollection(
            store,
            matches -> {
              List<Long> counts = new ArrayList<>();
              counts.add(
                  matches
                      .updateOne(and(eq("_id", "a"), eq("version", 2)), set("version", 3))
                      .getModifiedCount());
              counts.add(
                  matches
                      .updateOne(and(eq("_id", "a"), eq("version", 1)), set("version", 2))
                      .getModifiedCount());
              counts.add(
                  matches
                      .updateOne(and(eq("_id", "a"), eq("version", 1)), set("version", 2))
                      .getModifiedCount());
              counts.add(matches.find(eq("_id", "a")).first().getInteger("version").longValue());
              return counts;
            });

    assertThat(modified).containsExactly(0L, 1L, 0L, 2L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "h2"})
  void aLookUpByManyIdsStillAppliesItsOtherConditions(String store) {
    List<String> found =
        withCollection(
            store,
            matches ->
                matches
                    .find(and(in("_id", "a", "c", "missing"), eq("published", false)))
                    .map(d -> d.getString("_id"))
                    .into(new ArrayList<>()));

    assertThat(found).containsExactly("a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "h2"})
  void aVersionedUpsertInsertsWhenAbsentAndIsRefusedWhenNotNewer(String store) {
    List<Object> outcome =
        withCollection(
            store,
            matches -> {
              List<Object> seen = new ArrayList<>();
              var upsert = new UpdateOptions().upsert(true);
              seen.add(
                  matches
                      .updateOne(and(eq("_id", "d"), lt("version", 1)), set("version", 1), upsert)
                      .getUpsertedId()
                      .asString()
                      .getValue());
              try {
                matches.updateOne(and(eq("_id", "c"), lt("version", 2)), set("version", 2), upsert);
                seen.add("written");
              } catch (com.mongodb.MongoWriteException sameOrNewerStored) {
                seen.add(sameOrNewerStored.getError().getCode());
              }
              seen.add(matches.find(eq("_id", "c")).first().getInteger("version"));
              return seen;
            });

    assertThat(outcome).containsExactly("d", 11000, 3);
  }

  @org.junit.jupiter.api.Test
  void aDataFolderWrittenBeforeKeepsEveryDocumentFindableByIdAndUnique() {
    Path file = folder.resolve("old.mv");
    // Written by mongo-java-server's own H2 store, as data folders made before this index were.
    de.bwaldvogel.mongo.backend.h2.H2Backend old =
        new de.bwaldvogel.mongo.backend.h2.H2Backend(file.toString());
    de.bwaldvogel.mongo.MongoServer oldServer = new de.bwaldvogel.mongo.MongoServer(old);
    java.net.InetSocketAddress address = oldServer.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      client
          .getDatabase("test")
          .getCollection("profiles")
          .insertMany(
              List.of(new Document("_id", "p1").append("version", 4), new Document("_id", "p2")));
    }
    oldServer.shutdown();
    old.close();

    try (MongoWireServer server = MongoWireServer.persistent(file, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> profiles = client.getDatabase("test").getCollection("profiles");

      assertThat(profiles.find(and(eq("_id", "p1"), eq("version", 4))).first()).isNotNull();
      assertThat(profiles.find(in("_id", "p1", "p2")).into(new ArrayList<>())).hasSize(2);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> profiles.insertOne(new Document("_id", "p2")))
          .isInstanceOf(com.mongodb.MongoWriteException.class)
          .hasMessageContaining("E11000");
      // Changed now, so written the new way beside the one still in the old.
      profiles.updateOne(eq("_id", "p1"), set("version", 5));
    }

    try (MongoWireServer server = MongoWireServer.persistent(file, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> profiles = client.getDatabase("test").getCollection("profiles");

      assertThat(profiles.find(eq("_id", "p1")).first()).containsEntry("version", 5);
      assertThat(profiles.find(eq("_id", "p2")).first()).isEqualTo(new Document("_id", "p2"));
    }
  }

  @org.junit.jupiter.api.Test
  void aDocumentOfEveryKindTheServicesStoreReadsBackTheSameAfterARestart() {
    Path file = folder.resolve("kinds.mv");
    Document stored =
        new Document("_id", "m1")
            .append("version", 7)
            .append("count", 12_345_678_901L)
            .append("score", 0.8125)
            .append("published", true)
            .append("lastError", null)
            .append("at", java.util.Date.from(java.time.Instant.parse("2026-12-01T09:30:00Z")))
            .append("objectId", new org.bson.types.ObjectId("65f0c0ffee0000000000abcd"))
            .append("money", new org.bson.types.Decimal128(new java.math.BigDecimal("27500.50")))
            .append("secret", new org.bson.types.Binary(new byte[] {1, 2, 3, (byte) 0xff}))
            .append("text", "Caf\u00e9 \u201cnight porter\u201d, Preston PR1")
            .append(
                "reasons",
                List.of(
                    new Document("skill", "esco:python").append("level", 3),
                    new Document("skill", "esco:sql").append("gaps", List.of("a", "b"))))
            .append("place", new Document("outcode", "M1").append("km", List.of(1.5, 2)));
    try (MongoWireServer server = MongoWireServer.persistent(file, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(server.connectionString())) {
      client.getDatabase("test").getCollection("matches").insertOne(stored);
    }

    try (MongoWireServer server = MongoWireServer.persistent(file, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(server.connectionString())) {
      Document read =
          client.getDatabase("test").getCollection("matches").find(eq("_id", "m1")).first();

      assertThat(read).isEqualTo(stored);
    }
  }
}
