package org.skillway.infra;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A unique index of the H2 store keyed by the string itself when the key is one string, as every
 * {@code _id} here is. mongo-java-server's own H2 index keys its map by {@code KeyValue}, a type H2
 * can compare only by serialising both sides, so each look-up by id serialised a dozen objects on
 * its way down the tree: 16% of the local platform's CPU in a cohort burst. Other keys are kept as
 * before. The map is new, so on a data folder written before it the collection fills it from its
 * documents on first start ({@code isEmpty()}), once.
 */
final class H2StringKeyIndex extends AbstractUniqueIndex<Object> {
  private final MVStore store;
  private final MVMap<Object, Object> map;

  H2StringKeyIndex(
      MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.store = store;
    this.map = store.openMap(mapName);
  }

  /** One string stands for itself (H2 compares strings natively); anything else as it was. */
  private static Object keyOf(KeyValue keyValue) {
    return keyValue.size() == 1 && keyValue.get(0) instanceof String s ? s : keyValue;
  }

  private static KeyValue keyValueOf(Object key) {
    return key instanceof KeyValue keyValue ? keyValue : new KeyValue(key);
  }

  @Override
  protected Object removeDocument(KeyValue keyValue) {
    return map.remove(keyOf(keyValue));
  }

  @Override
  protected boolean putKeyPosition(KeyValue keyValue, Object position) {
    return map.putIfAbsent(keyOf(keyValue), Missing.ofNullable(position)) == null;
  }

  @Override
  protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
    return map.entrySet().stream()
        .map(
            e ->
                (Map.Entry<KeyValue, Object>)
                    new AbstractMap.SimpleImmutableEntry<>(keyValueOf(e.getKey()), e.getValue()))
        .collect(Collectors.toList());
  }

  @Override
  protected Object getPosition(KeyValue keyValue) {
    return map.get(keyOf(keyValue));
  }

  @Override
  public long getCount() {
    return map.sizeAsLong();
  }

  @Override
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  @Override
  public void drop() {
    store.removeMap(map);
  }
}
