package org.skillway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * Apache Lucene (the engine behind Elasticsearch and OpenSearch) as the baseline: each vacancy a
 * document with its required skills as keyword terms, a profile's skills a disjunction, BM25, top
 * K. It ranks by term overlap only.
 */
public final class LuceneBaseline implements AutoCloseable {
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  public LuceneBaseline(Corpus corpus) {
    try {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        for (int i = 0; i < corpus.vacancies.size(); i++) {
          Document doc = new Document();
          doc.add(new StringField("id", corpus.vacancyIds.get(i), Field.Store.YES));
          for (SkillLevel skill : corpus.vacancies.get(i).requiredSkills()) {
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
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (SkillLevel skill : profile.skills()) {
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
