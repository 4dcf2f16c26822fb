package org.skillway.matching.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skillway.matching.match.Trades;
import org.skillway.taxonomy.Taxonomy;

/** Which ESCO occupations are one trade, so that an entry role in it is a step back. */
class TaxonomyTradesTest {
  private final Taxonomy taxonomy = Taxonomy.loadBundled();
  private final Trades trades = TaxonomySkillGraph.trades(taxonomy);

  private String id(String label) {
    return taxonomy.lookupOccupation(label).orElseThrow().id();
  }

  @Test
  void anOccupationAndOneOfItsGroupWithMostOfItsEssentialSkillsAreOneTrade() {
    assertThat(trades.same(id("welder"), id("welder"))).isTrue();
    // 15 of a building electrician's 18 essential skills are an electrician's too
    assertThat(trades.same(id("electrician"), id("building electrician"))).isTrue();
  }

  @Test
  void theSameGroupWithFewSharedSkillsOrAnotherGroupIsAMove() {
    // the same ISCO-08 unit group (7411), but 8 of 25 essential skills
    assertThat(trades.same(id("electrician"), id("solar energy technician"))).isFalse();
    assertThat(trades.same(id("secondary school teacher"), id("online marketer"))).isFalse();
    assertThat(trades.same(id("welder"), id("offshore renewable energy technician"))).isFalse();
  }
}
