package org.skillway.matching.profile;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The partitions of the profiles topic that the consumer group has assigned to this instance right
 * now.
 */
@Component
public class OwnedPartitions {
  private final Set<Integer> partitions = ConcurrentHashMap.newKeySet();

  public void assigned(Set<Integer> added) {
    partitions.addAll(added);
  }

  public void revoked(Set<Integer> removed) {
    partitions.removeAll(removed);
  }

  public Set<Integer> current() {
    return Set.copyOf(partitions);
  }
}
