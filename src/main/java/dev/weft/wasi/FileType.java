package dev.weft.wasi;

import java.nio.file.attribute.BasicFileAttributes;

/** The {@code filetype} values of {@code wasi_snapshot_preview1} (a u8). */
final class FileType {
    static final int UNKNOWN = 0;
    static final int BLOCK_DEVICE = 1;
    static final int CHARACTER_DEVICE = 2;
    static final int DIRECTORY = 3;
    static final int REGULAR_FILE = 4;
    static final int SOCKET_DGRAM = 5;
    static final int SOCKET_STREAM = 6;
    static final int SYMBOLIC_LINK = 7;

    private FileType() {
    }

    /**
     * @param mode a POSIX {@code st_mode}
     * @return the file type its {@code S_IFMT} bits name
     */
    static int ofMode(int mode) {
        return switch (mode & 0xF000) {
            case 0x4000 -> DIRECTORY;
            case 0x8000 -> REGULAR_FILE;
            case 0xA000 -> SYMBOLIC_LINK;
            case 0x2000 -> CHARACTER_DEVICE;
            case 0x6000 -> BLOCK_DEVICE;
            case 0xC000 -> SOCKET_STREAM;
            default -> UNKNOWN; // FIFOs have no WASI file type
        };
    }

    /**
     * @param attributes basic attributes (read without following a final symbolic link)
     * @return the file type, as precisely as basic attributes tell
     */
    static int of(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        } else if (attributes.isDirectory()) {
            return DIRECTORY;
        } else if (attributes.isRegularFile()) {
            return REGULAR_FILE;
        }
        return UNKNOWN;
    }
}
