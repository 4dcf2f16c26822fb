package org.skillway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {
  @Test
  void everyValueLandsInOneBatchInOrderAndOnlyTheLastIsShort() {
    List<Integer> values = IntStream.range(0, 250).boxed().toList();

    List<List<Integer>> batches = Batches.of(values, 100);

    assertThat(batches).extracting(List::size).containsExactly(100, 100, 50);
    assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(values);
    assertThat(Batches.of(List.of(), 100)).isEmpty();
    assertThatThrownBy(() -> Batches.of(values, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
