package dev.weft.exec;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A minimal class-file reader (JVMS chapter 4): the constant pool, as far as needed to name
 * things, and for every method the {@code code_length} of its {@code Code} attribute, which is
 * what HotSpot compares with its 8000-byte limit ({@code -XX:HugeMethodLimit}) beyond which it
 * does not JIT-compile a method.
 */
final class ClassFiles {
    private ClassFiles() {
    }

    /** A method and its bytecode length (0 for abstract and native methods). */
    record Method(String className, String name, String descriptor, int codeLength) {
        @Override
        public String toString() {
            return className + "." + name + descriptor + ": " + codeLength + " bytes";
        }
    }

    /** @return the directory of the compiled main classes of {@code anchor}'s package */
    static Path classDirectory(Class<?> anchor) {
        try {
            Path file = Path.of(anchor.getResource(anchor.getSimpleName() + ".class").toURI());
            return file.getParent();
        } catch (URISyntaxException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalStateException("classes of " + anchor + " are not in a directory", e);
        }
    }

    /** @return the methods of every class file in the directory (nested classes included, subdirectories not) */
    static List<Method> methodsIn(Path directory) {
        List<Method> methods = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                methods.addAll(methods(Files.readAllBytes(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return methods;
    }

    /** @return the methods of one class file */
    static List<Method> methods(byte[] classFile) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.skipNBytes(2);   // String, MethodType, Module, Package
                    case 15 -> in.skipNBytes(3);              // MethodHandle
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {                            // Long, Double: two entries
                        in.skipNBytes(8);
                        i++;
                    }
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag + " at entry " + i);
                }
            }
            in.readUnsignedShort(); // access flags
            String className = utf8[classNameIndex[in.readUnsignedShort()]].replace('/', '.');
            in.readUnsignedShort(); // super class
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
            int methodCount = in.readUnsignedShort();
            List<Method> methods = new ArrayList<>(methodCount);
            for (int i = 0; i < methodCount; i++) {
                in.readUnsignedShort(); // access flags
                String name = utf8[in.readUnsignedShort()];
                String descriptor = utf8[in.readUnsignedShort()];
                int codeLength = 0;
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        in.skipNBytes(4); // max_stack, max_locals
                        codeLength = in.readInt();
                        in.skipNBytes(length - 8);
                    } else {
                        in.skipNBytes(length);
                    }
                }
                methods.add(new Method(className, name, descriptor, codeLength));
            }
            return methods;
        } catch (IOException e) {
            throw new UncheckedIOException("truncated class file", e);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipNBytes(2);
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }
}
