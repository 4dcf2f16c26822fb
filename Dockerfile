# One image recipe for the three services: `SERVICE` names the module (ingest-service, matching-service or
# notification-service) and `PORT` the port it listens on (8080, 8081, 8082). Built from the repository root
# (docker-compose.yml sets the context and the arguments), because each service is built together with the
# shared modules it depends on (event-contracts, taxonomy, service-support).
#
# Stage 1 builds the jars. Its package command does not depend on SERVICE on purpose: with the same context,
# Docker reuses the first image's build layer for the other two instead of compiling three times.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
RUN ./mvnw -B -ntp -q -pl ingest-service,matching-service,notification-service -am package -DskipTests
ARG SERVICE
# Spring Boot's layered jar, unpacked into its layers (dependencies, loader, the project's own snapshot modules,
# the application) so that a change to the code leaves the 80 MB dependency layer as it was.
RUN test -n "${SERVICE}" \
 && java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}"-*-exec.jar \
      extract --layers --launcher --destination /workspace/extracted

# Stage 2 runs it on a JRE, as an unprivileged user with a numeric id (Kubernetes' runAsNonRoot can only verify
# a numeric user).
FROM eclipse-temurin:17-jre
ARG PORT=8080
# The port the HEALTHCHECK asks; set it too if the service is moved to another port.
ENV SKILLWAY_HEALTH_PORT=${PORT}
RUN groupadd --system --gid 10001 skillway \
 && useradd --system --uid 10001 --gid skillway --no-create-home --shell /usr/sbin/nologin skillway
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER 10001:10001
EXPOSE ${PORT}
# Ready means the service takes traffic (Boot's readiness group). The JRE image has no curl or wget in every
# version, so the probe speaks HTTP through bash's /dev/tcp rather than installing one.
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SKILLWAY_HEALTH_PORT} && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# The heap follows the container's memory limit (docker-compose.yml, the Kubernetes limits) instead of the
# JVM's default quarter of it; a JVM out of memory exits, so its supervisor restarts it.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
