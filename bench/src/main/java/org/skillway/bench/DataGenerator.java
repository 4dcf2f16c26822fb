package org.skillway.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.Seniority;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyStatus;
import org.skillway.events.WorkMode;
import org.skillway.matching.match.ScoringPolicy;
import org.skillway.matching.match.Weights;
import org.skillway.taxonomy.Kind;
import org.skillway.taxonomy.Skill;
import org.skillway.taxonomy.Taxonomy;
import org.skillway.taxonomy.geo.Outcodes;

/**
 * Seeded, reproducible profiles and vacancies. Skills come from the real ESCO collections with
 * Zipf-like popularity (a few skills are asked for everywhere, most rarely), a fifth of vacancies
 * also name a skill group (as sectors without fine-grained skills do), titles are ESCO occupations,
 * and places are North West outcodes.
 */
public final class DataGenerator {
  /** The defaults of matching-service.yml. */
  public static final ScoringPolicy POLICY =
      new ScoringPolicy(
          Map.of(
              Pathway.STUDENT, new Weights(60, 10, 0, 60, 15, 5, 10, 10),
              Pathway.RETRAINER, new Weights(60, 10, 5, 60, 15, 5, 10, 10),
              Pathway.EXPERIENCED, new Weights(60, 10, 15, 75, 15, 5, 5, 10)),
          30,
          50,
          5);

  public static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  private final Random random;
  private final List<String> skills;
  private final double[] cumulative;
  private final List<String> groups;
  private final List<String> titles;
  private final List<String> outcodes;

  public DataGenerator(Taxonomy taxonomy, Outcodes places, long seed, int skillCount) {
    this.random = new Random(seed);
    List<String> all = new ArrayList<>();
    List<String> groupIds = new ArrayList<>();
    for (Skill s : taxonomy.all()) {
      (s.kind() == Kind.GROUP ? groupIds : all).add(s.id());
    }
    all.sort(String::compareTo);
    java.util.Collections.shuffle(all, new Random(seed));
    this.skills = List.copyOf(all.subList(0, Math.min(skillCount, all.size())));
    this.cumulative = new double[skills.size()];
    double sum = 0;
    for (int i = 0; i < skills.size(); i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
    groupIds.sort(String::compareTo);
    this.groups = List.copyOf(groupIds);
    this.titles = occupations(taxonomy);
    this.outcodes = places.northWest();
  }

  private static List<String> occupations(Taxonomy taxonomy) {
    List<String> titles = new ArrayList<>();
    for (String word :
        List.of(
            "developer",
            "technician",
            "engineer",
            "analyst",
            "nurse",
            "accountant",
            "chef",
            "welder",
            "assistant",
            "manager")) {
      taxonomy.suggestOccupations(word, 30).forEach(o -> titles.add(o.preferredLabel()));
    }
    return titles.stream().distinct().sorted().toList();
  }

  public int skillCount() {
    return skills.size();
  }

  private String zipfSkill() {
    double u = random.nextDouble();
    int index = java.util.Arrays.binarySearch(cumulative, u);
    return skills.get(index >= 0 ? index : Math.min(-index - 1, skills.size() - 1));
  }

  private List<SkillLevel> skillSet(int min, int max, boolean withGroup) {
    int count = min + random.nextInt(max - min + 1);
    Set<String> chosen = new LinkedHashSet<>();
    if (withGroup && !groups.isEmpty()) {
      chosen.add(groups.get(random.nextInt(groups.size())));
    }
    while (chosen.size() < count) {
      chosen.add(zipfSkill());
    }
    return chosen.stream().map(id -> new SkillLevel(id, 1 + random.nextInt(5))).toList();
  }

  private String outcode() {
    return outcodes.get(random.nextInt(outcodes.size()));
  }

  public ProfileData profile() {
    Pathway pathway = Pathway.values()[random.nextInt(3)];
    return new ProfileData(
        pathway,
        skillSet(8, 20, false),
        outcode(),
        true,
        pathway == Pathway.EXPERIENCED ? 5 + random.nextInt(20) : random.nextInt(5),
        random.nextInt(4) == 0 ? WorkMode.REMOTE : null,
        10 + random.nextInt(41),
        random.nextBoolean() ? 18_000 + random.nextInt(50) * 1_000 : null,
        null,
        random.nextInt(5) == 0);
  }

  public VacancyData vacancy() {
    int roll = random.nextInt(100);
    VacancyKind kind =
        roll < 70
            ? VacancyKind.JOB
            : roll < 85 ? VacancyKind.APPRENTICESHIP : VacancyKind.PLACEMENT;
    int mode = random.nextInt(100);
    int salary = 18_000 + random.nextInt(50) * 1_000;
    return new VacancyData(
        "employer-" + random.nextInt(2_000),
        titles.get(random.nextInt(titles.size())),
        kind,
        skillSet(4, 10, random.nextInt(5) == 0),
        outcode(),
        TODAY.plusDays(1 + random.nextInt(90)),
        skillSet(0, 3, false),
        kind == VacancyKind.JOB ? Seniority.values()[random.nextInt(3)] : Seniority.ENTRY,
        kind == VacancyKind.JOB ? random.nextInt(8) : null,
        mode < 50 ? WorkMode.ONSITE : mode < 85 ? WorkMode.HYBRID : WorkMode.REMOTE,
        salary,
        salary + 4_000,
        null,
        random.nextInt(4) == 0,
        VacancyStatus.OPEN);
  }
}
