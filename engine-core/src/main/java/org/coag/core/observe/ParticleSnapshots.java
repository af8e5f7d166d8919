package org.coag.core.observe;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.coag.core.config.SnapshotSettings;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * Writes particle snapshots ({@link H5mdSnapshot}) into the run directory's {@code snapshots/}, one
 * file per snapshot named by its step ({@link #fileName}), at the steps {@code [observe.snapshots]}
 * asks for and, with {@code final = true}, of the final state. The state is read back to the host,
 * so every backend and scheme writes the same files.
 *
 * <p>Each file is written atomically before the next checkpoint, so a checkpoint's snapshots are on
 * disk; a snapshot taken after the last checkpoint by a run that was then killed is written again,
 * byte for byte the same, when the run resumes. The checkpoint section holds the count written and
 * the last step, and on the torus (version 2) the {@link ImageTracker}'s state: the tracker reads
 * the state at steps of its own between snapshots, so that the files carry image counts.
 */
public final class ParticleSnapshots implements Observable {
    /** The run directory's subdirectory of snapshots. */
    public static final String DIRECTORY = "snapshots";

    private final SnapshotSettings settings;
    private final ModelSpec spec;
    private final Path dir;
    private final ImageTracker images;
    private long written;
    private long lastStep = -1;
    private String finalFile;

    /**
     * @param settings when to write
     * @param spec the model (box, dt)
     * @param dir the snapshot directory (created when the first snapshot is written)
     */
    public ParticleSnapshots(SnapshotSettings settings, ModelSpec spec, Path dir) {
        this.settings = settings;
        this.spec = spec;
        this.dir = dir;
        this.images = spec.freeSpace() ? null : new ImageTracker(spec);
    }

    /**
     * @param step a step
     * @return the file name of its snapshot, {@code step-<step, 12 digits or more>.h5}
     */
    public static String fileName(long step) {
        return String.format("step-%012d.h5", step);
    }

    @Override
    public String name() {
        return "snapshots";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public long nextStep(long step) {
        long next = settings.nextStep(step);
        return images == null ? next : Math.min(next, images.nextStep(step));
    }

    @Override
    public void observe(Sample sample) throws IOException {
        if (images != null) {
            images.update(sample.step(), sample.state());
        }
        if (settings.nextStep(sample.step() - 1) == sample.step()) {
            write(sample);
        }
    }

    @Override
    public void finish(Sample sample) throws IOException {
        if (!settings.atEnd()) {
            return;
        }
        if (lastStep != sample.step()) {
            if (images != null) {
                images.update(sample.step(), sample.state());
            }
            write(sample);
        }
        finalFile = DIRECTORY + "/" + fileName(sample.step());
    }

    private void write(Sample sample) throws IOException {
        Files.createDirectories(dir);
        H5mdSnapshot.write(dir.resolve(fileName(sample.step())), spec.domain(), sample.step(), sample.time(), spec.dt(),
                sample.state(), images);
        written++;
        lastStep = sample.step();
    }

    @Override
    public void summarize(Map<String, Object> summary) {
        summary.put("snapshot_count", written);
        if (finalFile != null) {
            summary.put("final_snapshot", finalFile);
        }
        if (images != null) {
            summary.put("snapshot_largest_move", images.largestMove());
            summary.put("snapshot_images_unproven", images.unproven());
        }
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(written);
        out.writeLong(lastStep);
        if (images != null) {
            images.writeState(out);
        }
    }

    @Override
    public void readState(DataInput in, int version) throws IOException {
        written = in.readLong();
        lastStep = in.readLong();
        if (written < 0 || lastStep < -1) {
            throw new ModelException("resume: the checkpoint's snapshot count " + written + " or step " + lastStep + " is impossible");
        }
        if (images != null) {
            if (version < 2) {
                throw new ModelException("resume: this checkpoint was written by a coag that kept no image counts for the"
                        + " snapshots; run it again from the start (or resume it with that version)");
            }
            images.readState(in);
        }
    }
}
