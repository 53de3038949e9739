package org.craftline.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.craftline.event.Event;
import org.craftline.rules.RuleSet;
import org.craftline.task.TaskService;
import org.craftline.values.Csv;
import org.craftline.worker.Worker;

/**
 * Writes a worker's export as it reads it, a task at a time, so an export of years of work takes
 * no more memory than one task: as JSON {@code {worker, exportedAt, tasks, events, rules}}, or as CSV with
 * one row per step.
 */
final class ExportWriter {

    private static final CsvSchema STEPS = Csv.MAPPER.schemaFor(ExportedStep.class).withHeader();

    private final TaskService tasks;
    private final ObjectMapper json;

    ExportWriter(TaskService tasks, ObjectMapper json) {
        this.tasks = tasks;
        this.json = json;
    }

    void json(OutputStream out, Worker worker, List<Event> events, RuleSet rules, Instant exportedAt)
            throws IOException {
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeObjectField("worker", worker);
            generator.writeObjectField("exportedAt", exportedAt);
            generator.writeArrayFieldStart("tasks");
            tasks.forEachTask(worker.id(), task -> {
                try {
                    generator.writeObject(task);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generator.writeEndArray();
            generator.writeObjectField("events", events);
            generator.writeObjectField("rules", rules.rules());
            generator.writeEndObject();
        }
    }

    void csv(OutputStream out, Worker worker) throws IOException {
        try (SequenceWriter rows = Csv.MAPPER.writer(STEPS).writeValues(out)) {
            tasks.forEachTask(worker.id(), task -> {
                for (int step = 0; step < task.steps().size(); step++) {
                    try {
                        rows.write(ExportedStep.of(task, step));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
    }
}
