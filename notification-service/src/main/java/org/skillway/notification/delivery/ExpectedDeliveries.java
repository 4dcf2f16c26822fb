package org.skillway.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The deliveries this instance stored or rescheduled, by when each may be sent: so that a round of
 * the dispatcher looks up what is due by id instead of searching the whole collection. It is a
 * hint, never the truth: what it names is read back from the store with the usual "is it still due"
 * condition, and what it does not know of (planned by another instance, left claimed by a crashed
 * one, or more than it holds) is found by the dispatcher's periodic search of the store.
 */
final class ExpectedDeliveries {
  private record Expected(Instant at, String id) {}

  private final PriorityQueue<Expected> queue =
      new PriorityQueue<>(Comparator.comparing(Expected::at).thenComparing(Expected::id));

  /** How many times each id is in the queue (a rescheduled one can be there twice). */
  private final Map<String, Integer> held = new HashMap<>();

  private final int capacity;
  private boolean missedSome;

  /**
   * @param capacity at most this many are held; beyond it they are left to the search
   */
  ExpectedDeliveries(int capacity) {
    this.capacity = capacity;
  }

  /** Remembers that {@code id} may be sent from {@code at} on. */
  synchronized void expect(String id, Instant at) {
    if (queue.size() >= capacity) {
      missedSome = true;
      return;
    }
    queue.add(new Expected(at, id));
    held.merge(id, 1, Integer::sum);
  }

  /**
   * Whether {@code id} is held: a search of the store that finds only held ones found nothing new.
   */
  synchronized boolean holds(String id) {
    return held.containsKey(id);
  }

  /** Takes the ids due by {@code now}, soonest first, at most {@code limit} of them. */
  synchronized List<String> takeDue(Instant now, int limit) {
    List<String> due = new ArrayList<>();
    while (due.size() < limit && !queue.isEmpty() && !queue.peek().at().isAfter(now)) {
      String id = queue.poll().id();
      held.computeIfPresent(id, (key, times) -> times > 1 ? times - 1 : null);
      if (!due.contains(id)) {
        due.add(id);
      }
    }
    return due;
  }

  /** Whether some were not held since this was last asked: then only a search finds them. */
  synchronized boolean missedSomeSinceAsked() {
    boolean missed = missedSome;
    missedSome = false;
    return missed;
  }
}
