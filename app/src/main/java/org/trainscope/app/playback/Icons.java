package org.trainscope.app.playback;

import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;

/**
 * Transport icons as vector shapes (fonts on a fresh desktop may lack the media glyphs): each a region filled in the
 * shape, sized in em by the style sheet, so that it grows with the type in presenter mode.
 */
final class Icons {
    private Icons() {
    }

    static Region play() {
        return path("M3 1 L14 8 L3 15 Z");
    }

    static Region pause() {
        return path("M3 1 H7 V15 H3 Z M9 1 H13 V15 H9 Z");
    }

    static Region stepForward() {
        return path("M2 1 L11 8 L2 15 Z M12 1 H15 V15 H12 Z");
    }

    static Region stepBack() {
        return path("M14 1 L5 8 L14 15 Z M1 1 H4 V15 H1 Z");
    }

    static Region reset() {
        return path("M8 2 A6 6 0 1 1 2.2 9.5 L4.2 9 A4 4 0 1 0 8 4 L8 7 L3.5 3 L8 -1 Z");
    }

    private static Region path(String d) {
        SVGPath p = new SVGPath();
        p.setContent(d);
        Region icon = new Region();
        icon.setShape(p);
        icon.getStyleClass().add("transport-icon");
        return icon;
    }
}
