package org.skillway.infra;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class BsonDocumentTypeTest {
  private final BsonDocumentType type = new BsonDocumentType();

  private static Document match() {
    return new Document("_id", "p1:v1")
        .append("version", 3L)
        .append("score", 81)
        .append("at", Instant.parse("2026-12-01T09:30:00Z"))
        .append("reasons", List.of(new Document("skill", "esco:python"), "plain"));
  }

  @Test
  void aDocumentIsWrittenAsBsonAndReadBackTheSame() {
    WriteBuffer out = new WriteBuffer();
    type.write(out, match());
    ByteBuffer written = out.getBuffer().flip();

    assertThat(written.get(0)).isEqualTo((byte) 0xB5);
    assertThat(type.read(written)).isEqualTo(match());
    assertThat(written.hasRemaining()).isFalse();
  }

  @Test
  void aDocumentWrittenTheOldWayIsStillRead() {
    WriteBuffer out = new WriteBuffer();
    new ObjectDataType().write(out, match());
    out.putInt(42);
    ByteBuffer written = out.getBuffer().flip();

    assertThat(type.read(written)).isEqualTo(match());
    assertThat(written.getInt()).as("the next value starts where it should").isEqualTo(42);
  }
}
