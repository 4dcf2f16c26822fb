package org.skillway.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Lets the wire server find a document by {@code _id} whenever a query names it, as MongoDB does.
 * mongo-java-server uses its {@code _id} index only for a query on {@code _id} alone, so a
 * compare-and-set such as {@code {_id: x, version: 3}} scanned the whole collection, one document
 * at a time: with tens of thousands of matches stored, every versioned write cost milliseconds of
 * CPU and the local platform spent most of its time there. Here the index picks the candidate (or
 * the candidates of an {@code $in}) and the server checks the rest of the query on it, as before.
 * On the H2 store the index itself is {@link H2StringKeyIndex}, and documents are written as BSON
 * ({@link BsonDocumentType}).
 */
final class IdIndexLookups {
  private static final String ID = "_id";

  private IdIndexLookups() {}

  static MemoryBackend memory() {
    return new MemoryBackend() {
      @Override
      public MemoryDatabase openOrCreateDatabase(String name) {
        return new MemoryDatabase(name, getCursorRegistry()) {
          @Override
          protected Index<Integer> openOrCreateUniqueIndex(
              String collection, String indexName, List<IndexKey> keys, boolean sparse) {
            return wrap(super.openOrCreateUniqueIndex(collection, indexName, keys, sparse));
          }
        };
      }
    };
  }

  /**
   * Pages of documents H2 keeps deserialised in memory, in MB (its default is 16): a cohort's
   * matches and notifications outgrow 16 MB, and each page read back from the file is Java
   * deserialisation.
   */
  private static final int H2_CACHE_MB = 64;

  static H2Backend h2(String file) {
    return new H2Backend(new MVStore.Builder().fileName(file).cacheSize(H2_CACHE_MB).open()) {
      @Override
      protected MongoDatabase openOrCreateDatabase(String name) {
        return database(name, this, getCursorRegistry());
      }
    };
  }

  private static MongoDatabase database(String name, H2Backend backend, CursorRegistry cursors) {
    BsonDocumentType documents = new BsonDocumentType();
    return new H2Database(name, backend.getMvStore(), cursors) {
      /** As mongo-java-server opens a collection, with its documents written as BSON. */
      @Override
      protected MongoCollection<Object> openOrCreateCollection(
          String collection, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collection);
        MVStore store = backend.getMvStore();
        MVMap<Object, Document> data =
            store.openMap(
                "databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(documents));
        MVMap<String, Object> meta = store.openMap("meta." + namespace);
        return new H2Collection(this, collection, options, data, meta, cursors);
      }

      @Override
      protected Index<Object> openOrCreateUniqueIndex(
          String collection, String indexName, List<IndexKey> keys, boolean sparse) {
        if (keys.size() != 1) {
          return super.openOrCreateUniqueIndex(collection, indexName, keys, sparse);
        }
        return wrap(
            new H2StringKeyIndex(
                backend.getMvStore(),
                "skillway."
                    + getDatabaseName()
                    + "."
                    + collection
                    + "._index_by_string_"
                    + indexName,
                indexName,
                keys,
                sparse));
      }
    };
  }

  private static <P> Index<P> wrap(Index<P> index) {
    List<IndexKey> keys = index.getKeys();
    boolean onIdAlone = keys.size() == 1 && keys.get(0).getKey().equals(ID);
    return onIdAlone ? new ById<>(index) : index;
  }

  /** The {@code _id} index, also used for queries that name {@code _id} and more. */
  private static final class ById<P> extends Index<P> {
    private final Index<P> index;

    ById(Index<P> index) {
      super(index.getName(), index.getKeys(), false);
      this.index = index;
    }

    @Override
    public boolean canHandle(Document query) {
      if (index.canHandle(query)) {
        return true;
      }
      // Only when _id pins the candidates: a value, or an $in the index can look up.
      return query.containsKey(ID) && index.canHandle(new Document(ID, query.get(ID)));
    }

    @Override
    public Iterable<P> getPositions(Document query) {
      // The index reads only _id from the query; the server then matches the whole query.
      return index.getPositions(new Document(ID, query.get(ID)));
    }

    @Override
    public P getPosition(Document document) {
      return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
      index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
      index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
      return index.remove(document);
    }

    @Override
    public long getCount() {
      return index.getCount();
    }

    @Override
    public boolean isEmpty() {
      return index.isEmpty();
    }

    @Override
    public long getDataSize() {
      return index.getDataSize();
    }

    @Override
    public void checkUpdate(
        Document oldDocument, Document newDocument, MongoCollection<P> collection) {
      index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(
        Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
        throws KeyConstraintError {
      index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
      index.drop();
    }

    @Override
    public boolean isUnique() {
      return true;
    }

    @Override
    public String toString() {
      return index.toString();
    }
  }
}
