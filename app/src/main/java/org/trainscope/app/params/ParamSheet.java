package org.trainscope.app.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;

/**
 * A sheet of editors, one per param. Numbers are typed in a {@link ValueField} and checked by
 * {@link ParamSpec#parse} on every keystroke: a bad value turns its field red and shows the spec's message — what is
 * allowed, in full — under the field; Enter or leaving the field applies a good value (via {@code onApply}), Esc
 * puts back the value in use. The run keeps its params until a value is taken.
 */
public final class ParamSheet extends VBox {
    private final PropertySheet sheet = new PropertySheet();
    private final Consumer<Params> onApply;
    private Params params;

    public ParamSheet(Consumer<Params> onApply) {
        this.onApply = onApply;
        createView();
    }

    private void createView() {
        getStyleClass().add("param-sheet");
        setSpacing(6);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> ((ParamItem) item).editor());
        getChildren().add(sheet);
    }

    /** Shows the given params (e.g. after switching experiment). */
    public void show(Params newParams) {
        this.params = newParams;
        List<PropertySheet.Item> items = new ArrayList<>();
        for (ParamSpec spec : newParams.specs()) {
            items.add(new ParamItem(spec));
        }
        sheet.getItems().setAll(items);
    }

    /** The params the sheet shows. */
    public Params params() {
        return params;
    }

    /** Applies a value to the run; returns null if it was taken, or the message that refuses it. */
    private String apply(String name, Object value) {
        Params next;
        try {
            next = params.withValue(name, value);
        } catch (ParamException e) {
            return e.getMessage();
        }
        if (!next.equals(params)) {
            params = next;
            onApply.accept(next);
        }
        return null;
    }

    /** The message that refuses {@code text} for {@code spec}, or null if it parses. */
    private static String refusal(ParamSpec spec, String text) {
        try {
            spec.parse(text);
            return null;
        } catch (ParamException e) {
            return e.getMessage();
        }
    }

    /** One row of the sheet. */
    private final class ParamItem implements PropertySheet.Item {
        private final ParamSpec spec;

        ParamItem(ParamSpec spec) {
            this.spec = spec;
        }

        PropertyEditor<?> editor() {
            if (spec instanceof ParamSpec.Choice c) {
                return new ChoiceEditor(c);
            }
            if (spec instanceof ParamSpec.Subset s) {
                return new SubsetEditor(s);
            }
            return new TextEditor(spec);
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return "Parameters";
        }

        @Override
        public String getName() {
            return spec.name();
        }

        @Override
        public String getDescription() {
            return spec.description() + " — " + spec.allowed();
        }

        @Override
        public Object getValue() {
            return params.text(spec.name());
        }

        @Override
        public void setValue(Object value) {
            apply(spec.name(), spec.parse(String.valueOf(value)));
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }
    }

    /** A text field checked by the spec on every keystroke; applied on Enter or focus loss, reverted by Esc. */
    private final class TextEditor implements PropertyEditor<String> {
        private final ValueField field;

        TextEditor(ParamSpec spec) {
            field = new ValueField("param-" + spec.name(), text -> refusal(spec, text),
                    text -> apply(spec.name(), spec.parse(text)), () -> params.text(spec.name()));
            field.setText(params.text(spec.name()));
            Tooltip tip = new Tooltip(spec.description() + "\n" + spec.allowed());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            field.field().setTooltip(tip);
        }

        @Override
        public Node getEditor() {
            return field;
        }

        @Override
        public String getValue() {
            return field.field().getText();
        }

        @Override
        public void setValue(String value) {
            field.setText(value);
        }
    }

    /** A drop-down of the allowed names. */
    private final class ChoiceEditor implements PropertyEditor<String> {
        private final ComboBox<String> box;

        ChoiceEditor(ParamSpec.Choice spec) {
            box = new ComboBox<>(FXCollections.observableArrayList(spec.options()));
            box.setId("param-" + spec.name());
            box.setMaxWidth(Double.MAX_VALUE);
            box.setValue(params.choice(spec.name()));
            box.valueProperty().addListener((obs, was, now) -> {
                if (now != null) {
                    apply(spec.name(), now);
                }
            });
        }

        @Override
        public Node getEditor() {
            return box;
        }

        @Override
        public String getValue() {
            return box.getValue();
        }

        @Override
        public void setValue(String value) {
            box.setValue(value);
        }
    }

    /** A check box per allowed name; an empty selection is refused with the spec's message. */
    private final class SubsetEditor implements PropertyEditor<String> {
        private final FlowPane pane = new FlowPane(8, 4);
        private final ParamSpec.Subset spec;
        private final Label error;
        private final VBox editor;

        SubsetEditor(ParamSpec.Subset spec) {
            this.spec = spec;
            pane.setId("param-" + spec.name());
            error = ValueField.message("param-" + spec.name() + "-error");
            editor = new VBox(2, pane, error);
            List<String> chosen = params.subset(spec.name());
            for (String option : spec.options()) {
                CheckBox box = new CheckBox(option);
                box.setSelected(chosen.contains(option));
                box.selectedProperty().addListener((obs, was, now) -> commit());
                pane.getChildren().add(box);
            }
        }

        private void commit() {
            String refused = refusal(spec, getValue());
            if (refused == null) {
                refused = apply(spec.name(), spec.parse(getValue()));
            }
            error.setText(refused == null ? "" : refused);
        }

        @Override
        public Node getEditor() {
            return editor;
        }

        @Override
        public String getValue() {
            StringBuilder sb = new StringBuilder();
            for (Node n : pane.getChildren()) {
                CheckBox box = (CheckBox) n;
                if (box.isSelected()) {
                    sb.append(sb.length() == 0 ? "" : ",").append(box.getText());
                }
            }
            return sb.toString();
        }

        @Override
        public void setValue(String value) {
            List<String> chosen = List.of(value.split(","));
            for (Node n : pane.getChildren()) {
                ((CheckBox) n).setSelected(chosen.contains(((CheckBox) n).getText()));
            }
        }
    }
}
