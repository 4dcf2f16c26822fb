package org.skillway.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local platform's data survives a restart: Kafka's log folder and the wire server's H2 file.
 */
class LocalInfrastructureIT {
  @TempDir Path dataDir;

  @Test
  void kafkaBrokerKeepsItsRecordsAcrossARestart() throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int port = FreePorts.find();
    int controllerPort = FreePorts.find();

    try (KafkaBrokerProcess broker =
        KafkaBrokerProcess.start(
            dataDir, "127.0.0.1", port, controllerPort, classpath, Duration.ofSeconds(60))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("survivors", 1, (short) 1))).all().get();
      }
      try (var producer =
          new KafkaProducer<>(
              Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("survivors", "k", "kept")).get();
      }
    }

    try (KafkaBrokerProcess broker =
        KafkaBrokerProcess.start(
            dataDir, "127.0.0.1", port, controllerPort, classpath, Duration.ofSeconds(60))) {
      assertThat(readAll(broker.bootstrapServers(), "survivors")).containsExactly("kept");
    }
  }

  @Test
  void wireServerOnH2KeepsDocumentsAcrossARestart() {
    Path file = dataDir.resolve("mongo/skillway.mv");
    try (MongoWireServer server = MongoWireServer.persistent(file, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(server.connectionString())) {
      client
          .getDatabase("skillway")
          .getCollection("things")
          .insertOne(new Document("_id", "a").append("n", 1));
    }

    try (MongoWireServer server = MongoWireServer.persistent(file, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> things = client.getDatabase("skillway").getCollection("things");
      assertThat(things.find().first()).isEqualTo(new Document("_id", "a").append("n", 1));
    }
  }

  private static List<String> readAll(String bootstrap, String topic) {
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                "reader",
                "auto.offset.reset",
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
      return values;
    }
  }
}
