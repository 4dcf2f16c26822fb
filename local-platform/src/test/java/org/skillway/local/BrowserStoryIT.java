package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app in a real browser: runs the Node browser tests in {@code browser-tests/} (a student's
 * whole story with and without JavaScript, the public pages, and the check that the committed
 * stylesheet is compiled from its Sass) against the whole platform on a real broker and MongoDB
 * wire server. Needs Node 20+ and Chromium ({@code apt-get install -y chromium}); without them it
 * fails, saying so, never skips.
 */
class BrowserStoryIT {
  private static final long TIMEOUT_MINUTES = 15;

  private static ServiceSet services;

  @BeforeAll
  static void startPlatform() {
    services = TestPlatform.start();
  }

  @AfterAll
  static void stopPlatform() {
    services.close();
  }

  @Test
  void aStudentsWholeStoryWorksInABrowserWithAndWithoutJavaScriptAndEveryPageKeepsItsBudgets()
      throws Exception {
    // Given the browser tests and their packages
    Path tests = browserTests();
    if (!Files.isDirectory(tests.resolve("node_modules"))) {
      assertThat(run(tests, Map.of(), "npm", "ci", "--no-audit", "--no-fund"))
          .as("npm ci in %s", tests)
          .isZero();
    }

    // When they drive the platform's web app in Chromium
    int exit =
        run(
            tests,
            Map.of(
                "SKILLWAY_BASE_URL",
                "http://127.0.0.1:" + services.ingestPort(),
                "SKILLWAY_EMPLOYER_API_KEY",
                PlatformClient.DEMO_EMPLOYER_KEY),
            "node",
            "--test",
            "--test-concurrency=1",
            "--test-timeout=600000",
            "--test-reporter=spec");

    // Then every one passes (node's summary, "ℹ tests N / ℹ pass N / ℹ fail N", is in the log
    // above)
    assertThat(exit).as("node --test in %s exit code (its output is above)", tests).isZero();
  }

  /** The repository's browser-tests folder, found from wherever Maven runs this module. */
  private static Path browserTests() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("browser-tests");
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "No browser-tests/package.json above " + Path.of("").toAbsolutePath());
  }

  /**
   * Runs a command, copying its output line by line to this JVM's standard output, which Failsafe
   * puts in the Maven log as it comes (a logger would prefix every line, and CI reads node's
   * summary lines as they are).
   */
  private static int run(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          command[0]
              + " cannot be started ("
              + e.getMessage()
              + "): the browser tests need Node 20 or newer and npm on the PATH",
          e);
    }
    Thread copier =
        new Thread(
            () -> {
              try (BufferedReader output =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String text = output.readLine(); text != null; text = output.readLine()) {
                  System.out.println(text);
                }
              } catch (IOException e) {
                System.out.println("(output of " + command[0] + " lost: " + e + ")");
              }
            },
            command[0] + "-output");
    copier.start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
    }
    copier.join(TimeUnit.SECONDS.toMillis(10));
    return process.exitValue();
  }
}
