package org.skillway.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every (method, path pattern) the running services answer, read from each context's controller
 * mappings, so a test over "every endpoint" follows the code instead of a list kept by hand. The
 * published API description ({@code /v3/api-docs*}) and the actuator are left out: they are not the
 * services' own endpoints.
 */
final class RouteTable {
  static final List<String> SERVICES = List.of("ingest", "matching", "notification");

  record Route(String service, String method, String pattern) {
    String key() {
      return service + " " + method + " " + pattern;
    }

    List<String> variables() {
      List<String> names = new ArrayList<>();
      Matcher m = VARIABLE.matcher(pattern);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }

    /** The pattern with each variable replaced by {@code value(name)}, which must come encoded. */
    String expand(Function<String, String> value) {
      Matcher m = VARIABLE.matcher(pattern);
      StringBuilder path = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(path, Matcher.quoteReplacement(value.apply(m.group(1))));
      }
      m.appendTail(path);
      return path.toString();
    }
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");

  private RouteTable() {}

  static List<Route> of(ServiceSet services) {
    List<ConfigurableApplicationContext> contexts = services.contexts();
    TreeSet<Route> routes =
        new TreeSet<>(
            Comparator.comparing(Route::service)
                .thenComparing(Route::pattern)
                .thenComparing(Route::method));
    for (int i = 0; i < contexts.size(); i++) {
      RequestMappingHandlerMapping mapping =
          contexts
              .get(i)
              .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
      for (Map.Entry<RequestMappingInfo, ?> entry : mapping.getHandlerMethods().entrySet()) {
        RequestMappingInfo info = entry.getKey();
        List<String> methods =
            info.getMethodsCondition().getMethods().isEmpty()
                ? List.of("*")
                : info.getMethodsCondition().getMethods().stream()
                    .map(RequestMethod::name)
                    .toList();
        for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
          String text = pattern.getPatternString();
          if (text.startsWith("/v3/api-docs") || text.startsWith("/actuator")) {
            continue;
          }
          for (String method : methods) {
            routes.add(new Route(SERVICES.get(i), method, text));
          }
        }
      }
    }
    return List.copyOf(routes);
  }
}
