package org.trainscope.engine.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Registry;

/**
 * The session file, version {@value #VERSION} (UTF-8 JSON):
 * <pre>{@code
 * {
 *   "format": "trainscope-session",
 *   "version": 1,
 *   "saved_by": "Trainscope 0.1.0",
 *   "experiment": "landscape",
 *   "seed": 0,
 *   "steps": 400,                        // the run's length when saved
 *   "segments": [                        // the lineage: params from step 0, then one entry per fork
 *     {"from_step": 0, "params": {"function": "valley", "lr": "0.01", ...}}
 *   ],
 *   "last_frame_sha256": "…"             // of the frame at "steps", to check the recomputed run
 * }
 * }</pre>
 * Param values are text, exactly as the parameter sheet and the CLI's {@code --set} read them. Frames are not
 * stored: the engine is deterministic, so opening the file recomputes them; the digest tells whether that worked.
 */
public final class SessionFile {
    public static final String FORMAT = "trainscope-session";
    public static final int VERSION = 1;
    /** Larger files are not sessions (a session is a few kilobytes). */
    public static final long MAX_BYTES = 4 << 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SessionFile() {
    }

    /** What a file holds: the recipe and the digest of its last frame (null if absent). */
    public record Contents(Session session, String lastFrameDigest) {
    }

    /** Writes atomically: the old file stays whole if anything fails. */
    public static void write(Path file, Session session, Frame lastFrame, String savedBy) throws SessionException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("saved_by", savedBy);
        root.put("experiment", session.type().id());
        root.put("seed", session.seed());
        root.put("steps", session.steps());
        ArrayNode segments = root.putArray("segments");
        for (Session.Segment s : session.segments()) {
            ObjectNode seg = segments.addObject();
            seg.put("from_step", s.fromStep());
            ObjectNode params = seg.putObject("params");
            for (Map.Entry<String, String> e : s.params().asText().entrySet()) {
                params.put(e.getKey(), e.getValue());
            }
        }
        if (lastFrame != null) {
            root.put("last_frame_sha256", digest(lastFrame));
        }
        try {
            byte[] bytes = JSON.writeValueAsBytes(root);
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new SessionException("could not save " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks a file; nothing else changes if it is refused. */
    public static Contents read(Path file, Registry registry) throws SessionException {
        String name = String.valueOf(file.getFileName());
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SessionException(name + " is not a Trainscope session: it is too large (" + Files.size(file) + " bytes)");
            }
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new SessionException(name + " does not exist");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new SessionException(name + " is not a Trainscope session: it is not valid JSON" + where
                    + " — it may be truncated or damaged");
        } catch (IOException e) {
            throw new SessionException("could not read " + name + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new SessionException(name + " is not a Trainscope session (it has no \"format\": \"" + FORMAT + "\")");
        }
        int version = root.path("version").asInt(-1);
        if (version > VERSION) {
            throw new SessionException(name + " was saved by a newer Trainscope (file version " + version
                    + "; this one reads version " + VERSION + "): update Trainscope to open it");
        }
        if (version < 1) {
            throw new SessionException(name + " is damaged: its \"version\" is missing or invalid");
        }
        String id = root.path("experiment").asText("");
        ExperimentDef type = registry.find(id).orElseThrow(() -> new SessionException(name + " uses the experiment '"
                + id + "', which this Trainscope does not have"));
        long seed = integer(root, "seed", name);
        long steps = integer(root, "steps", name);
        JsonNode segs = root.path("segments");
        if (!segs.isArray() || segs.isEmpty()) {
            throw new SessionException(name + " is damaged: it has no \"segments\"");
        }
        List<Session.Segment> segments = new ArrayList<>();
        for (JsonNode seg : segs) {
            long from = integer(seg, "from_step", name);
            JsonNode params = seg.path("params");
            if (!params.isObject()) {
                throw new SessionException(name + " is damaged: a segment has no \"params\"");
            }
            Params p = type.defaults();
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    p = p.with(e.getKey(), e.getValue().asText());
                } catch (ParamException ex) {
                    throw new SessionException(name + ": " + ex.getMessage());
                }
            }
            segments.add(new Session.Segment(from, p));
        }
        try {
            String digest = root.hasNonNull("last_frame_sha256") ? root.get("last_frame_sha256").asText() : null;
            return new Contents(new Session(type, seed, segments, steps), digest);
        } catch (IllegalArgumentException e) {
            throw new SessionException(name + " is damaged: " + e.getMessage());
        }
    }

    private static long integer(JsonNode node, String field, String name) throws SessionException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0 && !field.equals("seed")) {
            throw new SessionException(name + " is damaged: \"" + field + "\" is missing or not a whole number");
        }
        return v.asLong();
    }

    /** SHA-256 over the frame's step, scalar names and bits, series names and bits: equal frames, equal digests. */
    public static String digest(Frame frame) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(8);
            md.update(b.putLong(0, frame.step()).array());
            for (Map.Entry<String, Double> e : frame.scalars().entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update(b.putLong(0, Double.doubleToLongBits(e.getValue())).array());
            }
            for (String s : frame.seriesNames()) {
                md.update(s.getBytes(StandardCharsets.UTF_8));
                for (double v : frame.series(s)) {
                    md.update(b.putLong(0, Double.doubleToLongBits(v)).array());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
