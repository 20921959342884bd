# Filmwire services image: `docker compose up --build` uses it; one image, the command picks the part.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY schemas schemas
COPY common common
COPY ingest-service ingest-service
COPY enrich-streams enrich-streams
COPY publish-service publish-service
COPY standalone standalone
COPY sink sink
RUN mvn -B -q -DskipTests -pl standalone,sink -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/filmwire filmwire && mkdir -p /var/lib/filmwire && chown filmwire /var/lib/filmwire
WORKDIR /opt/filmwire
COPY --from=build /src/standalone/target/filmwire.jar /opt/filmwire/filmwire.jar
COPY --from=build /src/standalone/target/lib /opt/filmwire/lib
# the PostgreSQL sink: its own jar, whose manifest names only its own libraries in lib/
COPY --from=build /src/sink/target/filmwire-sink.jar /opt/filmwire/filmwire-sink.jar
COPY --from=build /src/sink/target/lib /opt/filmwire/lib
USER filmwire
# Listening on 0.0.0.0, every service refuses to start until FILMWIRE_HTTP_AUTH_TOKENS holds token entries
# (`filmwire token NAME ROLES`); no token is baked into the image.
ENV FILMWIRE_DATA_DIR=/var/lib/filmwire FILMWIRE_HTTP_HOST=0.0.0.0 FILMWIRE_HTTP_PORT=8080 FILMWIRE_HTTP_HEALTH_PORT=8081 \
    FILMWIRE_LOG_LEVEL=INFO
EXPOSE 8080 8081
VOLUME ["/var/lib/filmwire"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -c 12 <&3 | grep -q ' 200'"]
ENTRYPOINT ["java", "-jar", "/opt/filmwire/filmwire.jar"]
CMD ["--help"]
