package org.skillway.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KafkaBrokerProcessTest {
  @Test
  void clusterIdsNeverStartWithADashWhichTheStorageToolWouldTakeForAnOption() {
    IntStream.range(0, 2_000)
        .mapToObj(i -> KafkaBrokerProcess.randomClusterId())
        .forEach(id -> assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+"));
  }
}
