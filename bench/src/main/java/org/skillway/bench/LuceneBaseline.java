package org.skillway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.skillway.events.ProfileData;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;

/**
 * Apache Lucene (the engine behind Elasticsearch and OpenSearch) as the baseline: each vacancy (or
 * profile) a document with its skills as keyword terms, the other side's skills a disjunction,
 * BM25, top K. It ranks by term overlap only.
 */
public final class LuceneBaseline implements AutoCloseable {
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  /** Vacancies as documents, for a profile's query. */
  public LuceneBaseline(Corpus corpus) {
    this(corpus.vacancyIds, corpus.vacancies.stream().map(VacancyData::requiredSkills).toList());
  }

  /** Profiles as documents, for a vacancy's query. */
  public static LuceneBaseline ofProfiles(Corpus corpus) {
    return new LuceneBaseline(
        corpus.profileIds, corpus.profiles.stream().map(ProfileData::skills).toList());
  }

  private LuceneBaseline(List<String> ids, List<List<SkillLevel>> skills) {
    try {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        for (int i = 0; i < ids.size(); i++) {
          Document doc = new Document();
          doc.add(new StringField("id", ids.get(i), Field.Store.YES));
          for (SkillLevel skill : skills.get(i)) {
            doc.add(new StringField("skill", skill.skillId(), Field.Store.NO));
          }
          writer.addDocument(doc);
        }
        writer.forceMerge(1);
      }
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ScoreDoc[] top(ProfileData profile, int k) {
    return top(profile.skills(), k);
  }

  /** The K documents sharing most (BM25-weighted) skills with {@code skills}. */
  public ScoreDoc[] top(List<SkillLevel> skills, int k) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (SkillLevel skill : skills) {
      query.add(new TermQuery(new Term("skill", skill.skillId())), BooleanClause.Occur.SHOULD);
    }
    try {
      return searcher.search(query.build(), k).scoreDocs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
