package org.trainscope.engine.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainscope.engine.Experiments;

/** Playlist files: written and read back to the same demos; bad files refused with a message naming the problem. */
class PlaylistTest {
    private static final List<Preset> GALLERY = Presets.standard(Experiments.standard());

    @Test
    void aPlaylistRoundTripsAndResolvesItsPresets(@TempDir Path dir) throws IOException {
        Playlist lecture = new Playlist("Lecture 3", List.of(
                new Playlist.Demo("GD vs momentum in a narrow valley", true),
                new Playlist.Demo("Backpropagation, one sub-step at a time", false)));
        Path file = dir.resolve("lecture.trainscope-playlist.json");
        lecture.write(file);
        Playlist back = Playlist.read(file);
        assertEquals(lecture, back);
        List<Preset> presets = back.presets(GALLERY);
        assertNotNull(presets.get(0).question(), "asks its question");
        assertNull(presets.get(1).question(), "the question left out");
        assertEquals("backprop-steps", presets.get(1).experiment());
    }

    @Test
    void badFilesAreRefusedNamingTheProblem(@TempDir Path dir) throws IOException {
        Path notJson = Files.writeString(dir.resolve("a.json"), "{ nope");
        assertTrue(assertThrows(IOException.class, () -> Playlist.read(notJson)).getMessage().contains("not valid JSON"));
        Path session = Files.writeString(dir.resolve("b.json"), "{\"format\": \"trainscope-session\"}");
        assertTrue(assertThrows(IOException.class, () -> Playlist.read(session)).getMessage()
                .contains("not a Trainscope playlist"));
        Playlist unknown = new Playlist("x", List.of(new Playlist.Demo("No such demo", true)));
        assertTrue(assertThrows(IOException.class, () -> unknown.presets(GALLERY)).getMessage().contains("No such demo"));
    }
}
