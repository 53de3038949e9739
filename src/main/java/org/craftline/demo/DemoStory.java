package org.craftline.demo;

import static org.craftline.demo.StepTemplate.craft;
import static org.craftline.demo.StepTemplate.execution;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.craftline.demo.DemoWorker.DemoTask;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Step;

/**
 * A year of a game studio's environment art team, September 2022 to September 2023. Sam, a 3D
 * environment artist, sketches, sculpts and paints until Midjourney v5 arrives on 2023-03-15; then
 * the day becomes a short brief, many prompt and paint-over cycles, implementation in the engine
 * and a little curation. The teammates have other stories, so the team view is not one person's.
 */
final class DemoStory {

    static final String TEAM = "environment-art";
    static final LocalDate FIRST_DAY = LocalDate.parse("2022-09-01");
    static final LocalDate LAST_DAY = LocalDate.parse("2023-09-30");
    static final LocalDate MIDJOURNEY_V5 = LocalDate.parse("2023-03-15");

    private static final StepTemplate REFERENCE = craft("reference", 20, 40, "PureRef");
    private static final StepTemplate CONCEPT = craft("concept", 40, 90, "Photoshop");
    private static final StepTemplate SCULPT = craft("sculpt", 120, 200, "ZBrush");
    private static final StepTemplate TEXTURE = craft("texture", 60, 110, "Substance Painter")
            .mediated(Mediation.ASSISTED);
    private static final StepTemplate RETOPO = execution("retopo", 40, 80, "Maya", Discretion.WITHIN_SPEC);
    private static final StepTemplate UV = execution("uv", 30, 50, "RizomUV", Discretion.PRESCRIBED);
    private static final StepTemplate BAKE = execution("bake", 15, 30, "Marmoset Toolbag", Discretion.PRESCRIBED);
    private static final StepTemplate BRIEF = craft("brief", 10, 25, null);
    private static final StepTemplate PROMPT = execution("prompt", 10, 20, "Midjourney v5", Discretion.PRESCRIBED)
            .mediated(Mediation.GENERATED);
    private static final StepTemplate PAINTOVER = execution("paintover", 15, 30, "Photoshop", Discretion.WITHIN_SPEC)
            .mediated(Mediation.ASSISTED);
    private static final StepTemplate IMPLEMENT = execution("implement", 40, 80, "Unreal Engine",
            Discretion.PRESCRIBED);
    private static final StepTemplate CURATE = craft("curate", 15, 35, null);

    private DemoStory() {
    }

    static List<DemoWorker> team() {
        return List.of(
                new DemoWorker("sam", "Sam", "Game 3D environment artist",
                        List.of(new DemoWorker.Event(MIDJOURNEY_V5, "adopted Midjourney v5", "Midjourney v5")),
                        workdays(0.05, (date, random) -> date.isBefore(MIDJOURNEY_V5) ? handcrafted(random)
                                : prompted(random, "Environment variations"))),
                new DemoWorker("ana", "Ana", "Senior environment artist", List.of(),
                        workdays(0.06, (date, random) -> handcrafted(random))),
                new DemoWorker("ben", "Ben", "Prop artist",
                        List.of(new DemoWorker.Event(LocalDate.parse("2023-06-01"), "props moved to generated concepts",
                                "Midjourney v5")),
                        workdays(0.07, (date, random) -> date.isBefore(LocalDate.parse("2023-06-01"))
                                ? List.of(new DemoTask("Prop set", draw(random, CONCEPT, SCULPT, RETOPO, UV, BAKE)))
                                : prompted(random, "Prop variations"))),
                new DemoWorker("chen", "Chen", "Texture artist", List.of(),
                        workdays(0.06, DemoStory::driftingTextures)),
                new DemoWorker("dev", "Dev", "Level artist", List.of(),
                        workdays(0.08, (date, random) -> List.of(new DemoTask("Level dressing", draw(random,
                                craft("blockout", 30, 60, "Unreal Engine"),
                                execution("placement", 150, 240, "Unreal Engine", Discretion.WITHIN_SPEC),
                                execution("collision", 40, 80, "Unreal Engine", Discretion.PRESCRIBED),
                                execution("optimise", 40, 90, "Unreal Engine", Discretion.PRESCRIBED)))))),
                new DemoWorker("eli", "Eli", "Technical artist", List.of(),
                        workdays(0.07, (date, random) -> List.of(new DemoTask("Pipeline tools", draw(random,
                                craft("design", 60, 120, null),
                                craft("script", 90, 150, "Python"),
                                execution("export", 40, 90, "Maya", Discretion.PRESCRIBED),
                                execution("support", 60, 120, null, Discretion.WITHIN_SPEC)))))),
                new DemoWorker("fay", "Fay", "Lighting artist", List.of(),
                        workdays(0.09, (date, random) -> List.of(new DemoTask("Lighting pass", draw(random,
                                craft("mood", 40, 80, "Photoshop"),
                                craft("lighting", 120, 180, "Unreal Engine"),
                                execution("bake lighting", 40, 70, "Unreal Engine", Discretion.PRESCRIBED)))))));
    }

    /** Weekdays only, with a given chance of a day off. */
    private static DemoWorker.Day workdays(double dayOff, DemoWorker.Day day) {
        return (date, random) -> {
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            return weekend || random.nextDouble() < dayOff ? List.of() : day.on(date, random);
        };
    }

    /** The craft: gather reference, sketch, sculpt, paint; then the set process of retopology, UVs and bakes. */
    private static List<DemoTask> handcrafted(Random random) {
        List<DemoTask> tasks = new ArrayList<>();
        tasks.add(new DemoTask("Cliff and rock kit", draw(random, REFERENCE, CONCEPT, SCULPT, TEXTURE)));
        tasks.add(new DemoTask("Cliff and rock kit: game-ready", random.nextBoolean()
                ? draw(random, RETOPO, UV, BAKE) : draw(random, RETOPO, UV)));
        return tasks;
    }

    /** "All I do is prompting, photoshopping and implementing good looking pictures." */
    private static List<DemoTask> prompted(Random random, String title) {
        List<Step> steps = new ArrayList<>(draw(random, BRIEF));
        int cycles = 8 + random.nextInt(7);
        for (int i = 0; i < cycles; i++) {
            steps.addAll(draw(random, PROMPT, PAINTOVER));
        }
        steps.addAll(draw(random, IMPLEMENT, CURATE));
        return List.of(new DemoTask(title, steps));
    }

    /** Chen's generative fill creeps in: week by week a larger part of the texturing is generated. */
    private static List<DemoTask> driftingTextures(LocalDate date, Random random) {
        double progress = (double) ChronoUnit.DAYS.between(FIRST_DAY, date) / ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY);
        int generated = (int) Math.round(20 + 160 * progress);
        return List.of(new DemoTask("Material library", draw(random,
                craft("material design", 60, 90, "Substance Designer"),
                craft("hand painting", 220 - generated, 260 - generated, "Substance Painter"),
                execution("generative fill", generated, generated + 30, "Adobe Firefly", Discretion.WITHIN_SPEC)
                        .mediated(Mediation.GENERATED),
                execution("export", 20, 40, "Substance Painter", Discretion.PRESCRIBED))));
    }

    private static List<Step> draw(Random random, StepTemplate... templates) {
        List<Step> drawn = new ArrayList<>();
        for (StepTemplate template : templates) {
            drawn.add(template.draw(random));
        }
        return drawn;
    }
}
