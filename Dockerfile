# Microservices Lab: one image, the same jar that ./mvnw package builds.
# Build: docker build -t microservices-lab .    Run: docker run -p 8080:8080 microservices-lab
# The image runs a class: classroom mode is on, so only the instructor operates the demos. The
# password is printed at start-up (docker logs); choose one with -e LAB_CLASSROOM_PASSWORD=...
# Students type the host's address; a host name the container cannot know needs
# -e LAB_ALLOWED_HOSTS=name. Alone on a laptop: -e LAB_CLASSROOM_ENABLED=false -p 127.0.0.1:8080:8080

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY content content
COPY i18n i18n
# The fast-start form is made below, by the runtime image's own JVM: an archive fits only the JVM that made it.
RUN ./mvnw -B -ntp -q -DskipTests -Dlab.archive.skip=true package

# Java 25 at run time (the code is built for 17, the project's floor): its AOT cache brings the site to
# its first lesson and its fleet to ready about 15 % sooner than Java 17's archive (bench/start.sh, README).
FROM eclipse-temurin:25-jre
# curl only for the HEALTHCHECK: a small HTTP request every 15 s instead of a JVM start.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system lab && useradd --system --gid lab --create-home --home-dir /home/lab lab
WORKDIR /app
COPY --from=build /src/target/microservices-lab.jar /app/microservices-lab.jar
RUN mkdir -p /app/data /app/fast && chown lab:lab /app/data /app/fast
USER lab
# The extracted jar and its class-data archive (lab.system.SiteArchive), trained with the flags the
# ENTRYPOINT uses; the demo processes' archive goes to the lab user's cache at the same time.
RUN java -XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=160m \
    -jar /app/microservices-lab.jar --role=archive --destination=/app/fast
# Inside a container the site must listen beyond loopback; the demo processes stay on loopback.
# Beyond loopback classroom mode would be on anyway; it is said here so nobody wonders.
ENV LAB_ADDRESS=0.0.0.0 \
    LAB_CLASSROOM_ENABLED=true \
    LAB_FLEET_DATA_DIR=/app/data
EXPOSE 8080
# Ready means started with every lesson rendered (Spring Boot Actuator's readiness group).
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["curl", "--fail", "--silent", "--output", "/dev/null", "--max-time", "2", "http://127.0.0.1:8080/health/readiness"]
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-XX:MaxMetaspaceSize=160m", \
  "-XX:AOTCache=/app/fast/microservices-lab.aot", "-jar", "/app/fast/microservices-lab.jar"]
