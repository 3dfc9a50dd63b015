package org.trainscope.engine.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Experiment types by id, in the order a user meets them; {@link org.trainscope.engine.Experiments#standard} has the built-in ones. */
public final class Registry {
    private final List<ExperimentDef> types;

    public Registry(List<ExperimentDef> types) {
        List<String> ids = new ArrayList<>();
        for (ExperimentDef t : types) {
            if (ids.contains(t.id())) {
                throw new IllegalArgumentException("duplicate experiment id " + t.id());
            }
            ids.add(t.id());
        }
        this.types = Collections.unmodifiableList(new ArrayList<>(types));
    }

    public List<ExperimentDef> types() {
        return types;
    }

    public Optional<ExperimentDef> find(String id) {
        return types.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The type with this id, or an exception listing the known ids. */
    public ExperimentDef get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown experiment '" + id + "'; known: "
                + String.join(", ", types.stream().map(ExperimentDef::id).toList())));
    }
}
