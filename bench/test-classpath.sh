# Sourced by the bench scripts that run the project's test classes (JMH benchmarks and cost
# harnesses): builds them, then sets $cp to their classpath. Run from the project's root.
mvn -B -q -pl enrich-streams -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="enrich-streams/target/test-classes:enrich-streams/target/classes:$(cat enrich-streams/target/bench.classpath)"
