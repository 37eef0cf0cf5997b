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
RUN ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system lab && useradd --system --gid lab --create-home --home-dir /home/lab lab
WORKDIR /app
COPY --from=build /src/target/microservices-lab.jar /app/microservices-lab.jar
RUN mkdir -p /app/data && chown lab:lab /app/data
USER lab
# Inside a container the site must listen beyond loopback; the demo processes stay on loopback.
# Beyond loopback classroom mode would be on anyway; it is said here so nobody wonders.
ENV LAB_ADDRESS=0.0.0.0 \
    LAB_CLASSROOM_ENABLED=true \
    LAB_FLEET_DATA_DIR=/app/data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["java", "-jar", "/app/microservices-lab.jar", "--role=probe", "--url=http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-XX:MaxMetaspaceSize=160m", "-jar", "/app/microservices-lab.jar"]
