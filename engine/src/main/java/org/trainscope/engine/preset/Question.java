package org.trainscope.engine.preset;

import java.util.List;

/**
 * A question a lecture demo asks its audience: the player pauses at {@code atStep}, shows the question and its 2–4
 * answers; a key or click reveals the right one and plays on.
 *
 * @param text    the question, e.g. "Which singular value rises next?"
 * @param answers 2 to 4 answers, in the order shown
 * @param correct the index of the right answer
 * @param atStep  the step (frame) at which it is asked, ≥ 1
 */
public record Question(String text, List<String> answers, int correct, long atStep) {
    public Question {
        answers = List.copyOf(answers);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a question needs its text");
        }
        if (answers.size() < 2 || answers.size() > 4) {
            throw new IllegalArgumentException("'" + text + "': 2 to 4 answers, not " + answers.size());
        }
        if (correct < 0 || correct >= answers.size()) {
            throw new IllegalArgumentException("'" + text + "': the right answer " + correct + " is not among the "
                    + answers.size() + " answers");
        }
        if (atStep < 1) {
            throw new IllegalArgumentException("'" + text + "': asked at step " + atStep + "; expected ≥ 1");
        }
    }

    /** The right answer's text. */
    public String answer() {
        return answers.get(correct);
    }
}
