package org.skillway.bench;

import java.util.ArrayList;
import java.util.List;
import org.skillway.events.ProfileData;
import org.skillway.events.VacancyData;
import org.skillway.matching.match.MatchIndex;
import org.skillway.matching.match.Neighbourhoods;
import org.skillway.matching.match.Scorer;
import org.skillway.matching.system.OutcodeDistances;
import org.skillway.matching.system.TaxonomySkillGraph;
import org.skillway.taxonomy.Taxonomy;
import org.skillway.taxonomy.geo.Outcodes;

/**
 * One generated data set, indexed, with the scorer and graph the index uses, shared by the three
 * approaches.
 */
public final class Corpus {
  public final Taxonomy taxonomy = Taxonomy.loadBundled();
  public final TaxonomySkillGraph graph = new TaxonomySkillGraph(taxonomy);

  /** The graph walks cached per skill, as the index caches them: brute force uses them too. */
  public final Neighbourhoods neighbourhoods = new Neighbourhoods(graph);

  public final Scorer scorer =
      new Scorer(DataGenerator.POLICY, new OutcodeDistances(Outcodes.loadBundled()));
  public final MatchIndex index = new MatchIndex(scorer, graph);
  public final List<String> vacancyIds = new ArrayList<>();
  public final List<VacancyData> vacancies = new ArrayList<>();
  public final List<String> profileIds = new ArrayList<>();
  public final List<ProfileData> profiles = new ArrayList<>();

  public Corpus(long seed, int skillCount, int vacancyCount, int profileCount) {
    DataGenerator generator = new DataGenerator(taxonomy, Outcodes.loadBundled(), seed, skillCount);
    for (int i = 0; i < vacancyCount; i++) {
      String id = String.format("v%07d", i);
      VacancyData vacancy = generator.vacancy();
      vacancyIds.add(id);
      vacancies.add(vacancy);
      index.putVacancy(id, vacancy, DataGenerator.TODAY);
    }
    this.generator = generator;
    addProfiles(profileCount);
  }

  private final DataGenerator generator;

  /** Generates and indexes more profiles. */
  public void addProfiles(int count) {
    for (int i = 0; i < count; i++) {
      String id = String.format("p%07d", profileIds.size());
      ProfileData profile = generator.profile();
      profileIds.add(id);
      profiles.add(profile);
      index.putProfile(id, profile);
    }
  }
}
