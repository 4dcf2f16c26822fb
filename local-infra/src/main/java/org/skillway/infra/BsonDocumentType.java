package org.skillway.infra;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the H2 store writes documents: as BSON, the form they arrive and leave in, instead of H2's
 * default Java serialisation of the server's document maps. Java serialisation was the largest
 * single cost of the local platform in a cohort burst (a fifth of all its CPU, writing pages and
 * reading them back). Each value starts with a marker byte H2's own encoding never uses, so a data
 * folder written before is still read (by H2's way) and its documents are rewritten as BSON when
 * they next change. A document BSON cannot carry (none the wire protocol delivers) is written H2's
 * way.
 */
final class BsonDocumentType extends BasicDataType<Document> {
  /** Not a type tag of {@link ObjectDataType} (they end well below 128). */
  private static final byte BSON = (byte) 0xB5;

  private final ObjectDataType before = new ObjectDataType();
  private volatile int averageSize = 256;

  @Override
  public int getMemory(Document document) {
    // What H2's own type estimates for a serialised value: the average written size.
    return averageSize;
  }

  @Override
  public void write(WriteBuffer buffer, Document document) {
    ByteBuf bson = Unpooled.buffer(averageSize);
    try {
      BsonEncoder.encodeDocument(document, bson);
    } catch (RuntimeException notBson) {
      before.write(buffer, document);
      return;
    }
    int length = bson.readableBytes();
    averageSize = (averageSize * 15 + length) / 16;
    buffer.put(BSON).putVarInt(length).put(bson.array(), bson.arrayOffset(), length);
  }

  @Override
  public Document read(ByteBuffer buffer) {
    if (buffer.get(buffer.position()) != BSON) {
      return (Document) before.read(buffer);
    }
    buffer.get();
    int length = DataUtils.readVarInt(buffer);
    ByteBuffer slice = buffer.slice(buffer.position(), length);
    buffer.position(buffer.position() + length);
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
  }

  @Override
  public Document[] createStorage(int size) {
    return new Document[size];
  }
}
