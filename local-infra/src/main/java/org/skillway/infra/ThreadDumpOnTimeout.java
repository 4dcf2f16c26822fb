package org.skillway.infra;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When an integration test fails because something did not answer in time, prints every thread of
 * the JVM (the services under test run in it, and the MongoDB wire server too) before the failure
 * is reported: a request that got no answer for 20 seconds shows where it was stuck. Registered for
 * every integration test through JUnit's extension auto-detection (see the parent pom's failsafe
 * configuration); the failure itself is passed on unchanged.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (timedOut(failure)) {
      StringBuilder dump = new StringBuilder();
      dump.append("=== ")
          .append(context.getDisplayName())
          .append(" waited in vain; the threads of this JVM:\n");
      for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
        dump.append('"')
            .append(thread.getThreadName())
            .append("\" ")
            .append(thread.getThreadState());
        if (thread.getLockName() != null) {
          dump.append(" on ").append(thread.getLockName());
        }
        if (thread.getLockOwnerName() != null) {
          dump.append(" held by \"").append(thread.getLockOwnerName()).append('"');
        }
        dump.append('\n');
        for (StackTraceElement frame : thread.getStackTrace()) {
          dump.append("    at ").append(frame).append('\n');
        }
      }
      System.err.print(dump);
    }
    throw failure;
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || t.getClass().getSimpleName().equals("ConditionTimeoutException")) {
        return true;
      }
    }
    return false;
  }
}
