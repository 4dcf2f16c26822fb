package org.skillway.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventCodec;
import org.skillway.events.EventMetadata;
import org.skillway.events.MatchData;
import org.skillway.events.MatchFound;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.ProfileSubmitted;
import org.skillway.events.Seniority;
import org.skillway.events.SkillLevel;
import org.skillway.events.SkillwayEvent;
import org.skillway.events.Topic;
import org.skillway.events.TransferableSkill;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyPublished;
import org.skillway.events.VacancyStatus;
import org.skillway.events.WorkMode;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.skillway.matching.match.MatchIndex;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A matching instance is stopped and another takes its place with the same consumer group and
 * database: the profile it never sees an event for again is rebuilt into its index from MongoDB and
 * matched against a new vacancy. Then the three pathways, on the real ESCO taxonomy and the shipped
 * weights: a student's best role is the apprenticeship, a retrainer reaches an entry-level job
 * through a transferable skill, an experienced hire's best is the senior role.
 */
class RestartAndPathwaysIT {
  static final String COMPUTER_PROGRAMMING = "skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97";
  static final String SQL = "skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742";
  static final String PYTHON = "skill/ccd0a1d9-afda-43d9-b901-96344886e14d";

  private static final EventCodec CODEC = new EventCodec();
  private static final String GROUP = "restart-" + UUID.randomUUID();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static KafkaProducer<String, byte[]> producer;
  private static TopicReader matches;
  private static ConfigurableApplicationContext instance;

  private static ConfigurableApplicationContext start() {
    List<String> args =
        TestInfrastructure.shared().springProperties("restart-it").entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .collect(Collectors.toList());
    args.add("--server.port=0");
    args.add("--skillway.matching.instance-id=restart-" + UUID.randomUUID());
    args.add("--skillway.matching.group-id=" + GROUP);
    ConfigurableApplicationContext context =
        MatchingApplication.builder().run(args.toArray(String[]::new));
    await().atMost(WAIT).until(() -> !assigned(context).isEmpty());
    return context;
  }

  private static Set<Integer> assigned(ConfigurableApplicationContext context) {
    var partitions =
        context
            .getBean(KafkaListenerEndpointRegistry.class)
            .getListenerContainer("matching-profiles")
            .getAssignedPartitions();
    return partitions == null
        ? Set.of()
        : partitions.stream().map(p -> p.partition()).collect(Collectors.toSet());
  }

  @BeforeAll
  static void connect() {
    producer = TestInfrastructure.shared().rawProducer();
    matches =
        new TopicReader(
            TestInfrastructure.shared().kafkaBootstrapServers(), Topic.MATCHES.topicName());
  }

  @AfterAll
  static void stop() {
    if (instance != null) {
      instance.close();
    }
    producer.close();
    matches.close();
  }

  private static void send(SkillwayEvent event) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                event.type().topic().topicName(), event.key(), CODEC.encode(event)))
        .get();
  }

  private static ProfileSubmitted profile(String id, ProfileData data) {
    return new ProfileSubmitted(EventMetadata.next(id, 1, Instant.now()), data);
  }

  private static VacancyPublished vacancy(
      String id,
      String title,
      VacancyKind kind,
      Seniority level,
      Integer minYears,
      SkillLevel... skills) {
    return new VacancyPublished(
        EventMetadata.next(id, 1, Instant.now()),
        new VacancyData(
            "restart-employer",
            title,
            kind,
            List.of(skills),
            "M1",
            LocalDate.now().plusDays(30),
            List.of(),
            level,
            minYears,
            WorkMode.ONSITE,
            null,
            null,
            null,
            false,
            VacancyStatus.OPEN));
  }

  /**
   * The matches found with these vacancies, once every expected profile-vacancy pair has been seen
   * and a little longer, so that no pair still on its way is missed.
   */
  private static List<MatchData> found(Set<String> vacancyIds, Set<String> expectedPairs) {
    List<MatchData> seen = new java.util.ArrayList<>();
    Runnable read =
        () -> {
          for (ConsumerRecord<String, byte[]> r : matches.poll(Duration.ofMillis(300))) {
            if (CODEC.decode(r.value()) instanceof MatchFound f
                && vacancyIds.contains(f.match().vacancyId())) {
              seen.add(f.match());
            }
          }
        };
    await()
        .atMost(WAIT)
        .until(
            () -> {
              read.run();
              return seen.stream()
                  .map(m -> m.profileId() + ">" + m.vacancyId())
                  .collect(Collectors.toSet())
                  .containsAll(expectedPairs);
            });
    read.run();
    return seen;
  }

  @Test
  void aRestartedInstanceRebuildsItsIndexFromMongoAndMatchesTheThreePathways() throws Exception {
    // Before the restart: a profile, stored and indexed, with no vacancy to match yet.
    String before = "restart-profile-" + RUN;
    instance = start();
    send(
        profile(
            before, new ProfileData(Pathway.STUDENT, List.of(new SkillLevel(SQL, 2)), "M1", true)));
    ConfigurableApplicationContext first = instance;
    await().atMost(WAIT).until(() -> first.getBean(MatchIndex.class).hasProfile(before));
    instance.close();

    // A new instance in the same group resumes after the profile's event: it can know the profile
    // only from MongoDB.
    instance = start();
    ConfigurableApplicationContext second = instance;
    await().atMost(WAIT).until(() -> second.getBean(MatchIndex.class).hasProfile(before));

    String student = "student-" + RUN;
    String retrainer = "retrainer-" + RUN;
    String experienced = "experienced-" + RUN;
    send(
        profile(
            student,
            new ProfileData(Pathway.STUDENT, List.of(new SkillLevel(SQL, 2)), "M1", true)));
    send(
        profile(
            retrainer,
            new ProfileData(Pathway.RETRAINER, List.of(new SkillLevel(PYTHON, 3)), "M1", true)));
    send(
        profile(
            experienced,
            new ProfileData(
                Pathway.EXPERIENCED,
                List.of(new SkillLevel(SQL, 5), new SkillLevel(COMPUTER_PROGRAMMING, 5)),
                "M1",
                true,
                12,
                WorkMode.ONSITE,
                null,
                null,
                null,
                false)));
    await()
        .atMost(WAIT)
        .until(
            () ->
                List.of(student, retrainer, experienced).stream()
                    .allMatch(second.getBean(MatchIndex.class)::hasProfile));

    String apprenticeship = "apprenticeship-" + RUN;
    String entry = "entry-job-" + RUN;
    String senior = "senior-job-" + RUN;
    send(
        vacancy(
            apprenticeship,
            "Data apprentice",
            VacancyKind.APPRENTICESHIP,
            null,
            null,
            new SkillLevel(SQL, 1)));
    send(
        vacancy(
            entry,
            "Junior developer",
            VacancyKind.JOB,
            Seniority.ENTRY,
            null,
            new SkillLevel(COMPUTER_PROGRAMMING, 2)));
    send(
        vacancy(
            senior,
            "Lead data engineer",
            VacancyKind.JOB,
            Seniority.SENIOR,
            8,
            new SkillLevel(SQL, 4),
            new SkillLevel(COMPUTER_PROGRAMMING, 4)));

    // The restored profile, the student, the retrainer and the experienced hire all match.
    List<MatchData> all =
        found(
            Set.of(apprenticeship, entry, senior),
            Set.of(
                before + ">" + apprenticeship,
                student + ">" + apprenticeship,
                retrainer + ">" + entry,
                experienced + ">" + senior));
    Map<String, List<MatchData>> byProfile =
        all.stream().collect(Collectors.groupingBy(MatchData::profileId));
    assertThat(byProfile).containsKeys(before, student, retrainer, experienced);
    assertThat(best(byProfile.get(before)).vacancyId()).isEqualTo(apprenticeship);
    assertThat(best(byProfile.get(student)).vacancyId()).isEqualTo(apprenticeship);
    MatchData retrained = best(byProfile.get(retrainer));
    assertThat(retrained.vacancyId()).isEqualTo(entry);
    assertThat(retrained.transferableSkills())
        .containsExactly(new TransferableSkill(COMPUTER_PROGRAMMING, PYTHON, "NARROWER"));
    assertThat(best(byProfile.get(experienced)).vacancyId()).isEqualTo(senior);
  }

  private static MatchData best(List<MatchData> matches) {
    return matches.stream().max(Comparator.comparingInt(MatchData::score)).orElseThrow();
  }
}
