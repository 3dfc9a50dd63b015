package org.trainscope.engine.preset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.trainscope.engine.session.AtomicFiles;

/**
 * A lecture as an ordered list of demos, each a gallery preset named by its title, with or without its question. A
 * file ({@code *.trainscope-playlist.json}, UTF-8 JSON, written atomically) holds
 * {@code {"format": "trainscope-playlist", "version": 1, "title": …, "demos": [{"preset": …, "question": true}, …]}}.
 *
 * @param title the lecture's title
 * @param demos the demos, in order
 */
public record Playlist(String title, List<Demo> demos) {
    public static final String FORMAT = "trainscope-playlist";
    public static final int VERSION = 1;
    /** The file name ending of a playlist. */
    public static final String EXTENSION = ".trainscope-playlist.json";
    /** A playlist file larger than this is refused unread. */
    public static final long MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One demo: the preset's title, and whether it asks its question. */
    public record Demo(String preset, boolean question) {
    }

    public Playlist {
        demos = List.copyOf(demos);
    }

    /** The presets of the demos, from {@code known} (the gallery); a demo without its question has none. */
    public List<Preset> presets(List<Preset> known) throws IOException {
        List<Preset> out = new ArrayList<>();
        for (Demo d : demos) {
            Preset p = known.stream().filter(k -> k.title().equals(d.preset())).findFirst()
                    .orElseThrow(() -> new IOException("the playlist '" + title + "' names the demo '" + d.preset()
                            + "', which this Trainscope does not have"));
            out.add(d.question() ? p : new Preset(p.title(), p.whatToWatch(), p.source(), p.experiment(),
                    p.settings(), p.seed(), p.speed()));
        }
        return out;
    }

    /** Writes atomically: the old file stays whole if anything fails. */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("title", title);
        ArrayNode list = root.putArray("demos");
        for (Demo d : demos) {
            list.addObject().put("preset", d.preset()).put("question", d.question());
        }
        byte[] bytes = JSON.writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Reads a playlist file; the message of a refusal names the file and the problem. */
    public static Playlist read(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException(name + " is not a Trainscope playlist: it is too large");
            }
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IOException(name + " does not exist", e);
        } catch (JsonProcessingException e) {
            throw new IOException(name + " is not a Trainscope playlist: it is not valid JSON", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(name + " is not a Trainscope playlist (it has no \"format\": \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt(-1) > VERSION) {
            throw new IOException(name + " was saved by a newer Trainscope: update Trainscope to open it");
        }
        JsonNode list = root.path("demos");
        if (!list.isArray() || list.isEmpty()) {
            throw new IOException(name + " has no demos");
        }
        List<Demo> demos = new ArrayList<>();
        for (JsonNode d : list) {
            String preset = d.path("preset").asText("");
            if (preset.isBlank()) {
                throw new IOException(name + ": demo " + (demos.size() + 1) + " names no preset");
            }
            demos.add(new Demo(preset, d.path("question").asBoolean(true)));
        }
        return new Playlist(root.path("title").asText(name), demos);
    }
}
