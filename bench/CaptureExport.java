import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.craftline.testing.CaptureExports;

/**
 * Writes a realistic tracker export whose truth is known (seeded; see CaptureExports): the 3D
 * artist's ActivityWatch export or a developer's WakaTime heartbeats, for trying the imports by
 * hand or loading a demo.
 *
 * <pre>bench/capture-export.sh activitywatch|wakatime FILE [days] [seed] [first day] [zone]</pre>
 */
public final class CaptureExport {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: capture-export.sh activitywatch|wakatime FILE [days] [seed] [first day] [zone]");
            System.exit(2);
        }
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 365;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        LocalDate first = args.length > 4 ? LocalDate.parse(args[4]) : LocalDate.parse("2023-01-01");
        ZoneId zone = ZoneId.of(args.length > 5 ? args[5] : "Europe/Berlin");
        Path file = Path.of(args[1]);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            int records = switch (args[0]) {
                case "activitywatch" -> CaptureExports.activityWatch(seed, first, days, zone, out).records();
                case "wakatime" -> {
                    CaptureExports.WakaTimeExport export = CaptureExports.wakaTime(seed, first, days, zone);
                    out.write(export.json());
                    yield export.truth().size();
                }
                default -> throw new IllegalArgumentException("activitywatch or wakatime, not " + args[0]);
            };
            out.flush();
            System.out.printf("%s: %d records, %.1f MB%n", file, records, Files.size(file) / 1e6);
        }
        System.out.println("rules for it: " + (args[0].equals("activitywatch") ? "CaptureExports.ARTIST_RULES"
                : "CaptureExports.DEVELOPER_RULES"));
    }
}
