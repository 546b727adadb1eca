"""Every tunable default in one table: name, default, and why that value."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: int | float | str
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting(
            "max_input_bytes",
            50_000_000,
            "Largest single text `check` reads; a 5,000-word article is ~35 kB, "
            "so this only stops runaway inputs from exhausting memory.",
        ),
        Setting(
            "max_json_depth",
            64,
            "Deepest nesting of arrays and objects a JSON input may have; a "
            "Telegram export is 6 deep, and a streaming parser's cost grows with "
            "the square of the depth (a 100,000-deep file would exhaust memory).",
        ),
        Setting(
            "max_document_chars",
            2_000_000,
            "Longest text one document of a batch may have (about 300,000 words, "
            "60 whole daily assessments); a longer one is rejected with a reason "
            "so one runaway post cannot stall a batch.",
        ),
        Setting(
            "max_html_attributes",
            256,
            "Most attributes one HTML tag keeps before a page is read; the rest "
            "are dropped (a real page's busiest tags hold a few dozen), as the "
            "HTML parser's and text extractor's time grows with the square of "
            "one tag's attributes.",
        ),
        Setting(
            "cache_memory_mb",
            32,
            "Memory the caches of names, places and word forms may fill in one "
            "process, shared out among them (`foglift/caches.py`); a process "
            "holds about 120 MB after its first texts, an ingest's store and the "
            "suggestions' settlement grid most of the rest of 300 MB. More buys "
            "some speed on a long corpus.",
        ),
        Setting(
            "max_place_mentions",
            20_000,
            "Place names of one document that are resolved, in the order they "
            "stand; the rest are left with a text.truncated finding. A whole daily "
            "assessment names a few hundred; tens of thousands are an attack or a "
            "dump, and each name costs resolving time.",
        ),
        Setting(
            "document_cpu_seconds",
            60.0,
            "CPU seconds one document of a batch may take before it is rejected "
            "with a reason and the batch goes on; a whole 5,000-word daily "
            "assessment takes about 2, a channel post a few hundredths.",
        ),
        Setting(
            "binary_control_ratio",
            0.02,
            "Share of NUL/C0 control bytes above which input is treated as binary.",
        ),
        Setting(
            "claimant_fuzzy_min",
            86,
            "Least rapidfuzz ratio (0-100) for a quoted name to match a registry alias "
            "after transliteration keys; 86 accepts Vojenkory/Voenkory and rejects "
            "unrelated channel names in the registry test.",
        ),
        Setting(
            "progress_every_seconds",
            5.0,
            "How often `ingest` prints a progress line when stderr is not a "
            "terminal (a log file or a pipe).",
        ),
        Setting(
            "language_retry_below",
            0.8,
            "Detector confidence under which a Russian or Ukrainian stretch is read "
            "with both lexicons and the reading that finds more claims is kept "
            "(on claims-dev every ru/uk paragraph scores >= 0.94, so only short or "
            "mixed stretches are read twice).",
        ),
        Setting(
            "attribution_carry_sentences",
            2,
            "How many sentences back a pronoun subject ('They claimed') may look "
            "for its claimant.",
        ),
        Setting(
            "historical_before_year",
            2014,
            "A sentence whose only years are earlier than this describes history "
            '("Soviet troops liberated Kyiv in 1943"), not a claim about this war.',
        ),
        Setting(
            "reaction_reach_sentences",
            3,
            "How many sentences after a claim an unaddressed reaction "
            "('analysts doubted it') may still refer to it.",
        ),
        Setting(
            "store_path",
            "foglift.db",
            "SQLite store used when neither --db nor $FOGLIFT_DB names one.",
        ),
        Setting(
            "ingest_batch_documents",
            100,
            "Documents written per store transaction during ingest; a killed run "
            "redoes at most this many. Commits are cheap under SQLite's WAL: on "
            "2,000 generated posts 1, 20, 100 and 500 gave 161, 172, 168 and 209 "
            "posts/s on a busy 2-core machine, within its noise.",
        ),
        Setting(
            "near_duplicate_min",
            0.8,
            "Least share of the earlier document's word 4-grams that a new document "
            "must contain to be linked to it as a near-duplicate (a repost with a "
            "line added keeps all of them; two reports of one event share few).",
        ),
        Setting(
            "near_duplicate_cover_min",
            0.5,
            "Least share of the new document's own word 4-grams found in the earlier "
            "one, so a long article quoting a short post is not called its copy.",
        ),
        Setting(
            "mark_sample_modulus",
            4,
            "Keep word 4-gram hashes divisible by this as a document's marks for "
            "finding near-duplicate candidates (texts under 40 4-grams keep all).",
        ),
        Setting(
            "mark_max_documents",
            50,
            "A mark carried by more documents than this is boilerplate (a channel "
            "signature) and no longer used to find candidates.",
        ),
        Setting(
            "link_time_tolerance_days",
            3,
            "Days by which two claims' windows may miss each other and still be one "
            "event: reports of a capture trail it by a day or two; a week apart is "
            "another event.",
        ),
        Setting(
            "link_advance_tolerance_days",
            1,
            "Days by which two advance claims may miss each other and still be "
            "one event: advances go on for weeks, and the same push reported "
            "three days apart is another step of it, not the same happening.",
        ),
        Setting(
            "link_event_max_days",
            7,
            "Longest core window of an event: a claim about 'the past month' "
            "links as a claim about its last week, so events stay bounded.",
        ),
        Setting(
            "link_radius_km",
            5.0,
            "Farthest two resolved points may lie apart and still be one place: a "
            "village and its outskirts, or two gazetteer points for one town.",
        ),
        # --- verify: control maps (issue 7's defaults) ---
        Setting(
            "control_map_buffer_m",
            500,
            "Metres around a feature's point (an airport, a plant) read on the "
            "maps; a settlement is read over its extent instead, a circle sized "
            "by its population (foglift.verify.extent).",
        ),
        Setting(
            "control_map_held_share",
            0.5,
            "Share of a place's extent in the occupied layer from which Russia "
            "holds it: a town most of which is occupied has changed hands; a "
            "city with a few occupied blocks at its edge has not.",
        ),
        Setting(
            "control_map_clear_share",
            0.1,
            "Largest share of a place's extent in the occupied or grey layers for "
            "which it is still clear (held by Ukraine): a front line brushing the "
            "edge of the circle does not make a town contested.",
        ),
        Setting(
            "control_map_min_place_confidence",
            0.5,
            "A place the geoparser resolved with less confidence than this gets "
            "'ambiguous_place', not a map status: half the resolver's weight on "
            "other candidates is too much doubt to rest a verdict on.",
        ),
        Setting(
            "control_map_namesake_share",
            0.1,
            "A namesake the resolver gave at least this share of its weight is "
            "read on the map too; in another state on D it makes the verdict "
            "'ambiguous_place'.",
        ),
        Setting(
            "control_map_theatre_km",
            50.0,
            "A namesake farther than this from the occupied and grey layers "
            "cannot be the place of a claim of control (Pokrovsk in Donetsk "
            "oblast, not the Pokrovsk in Yakutia): its weight goes to the places "
            "a claim can mean.",
        ),
        Setting(
            "control_map_k_days",
            7,
            "A place its claimed gainer already held K days before the claim date "
            "makes the claim late (already_held): a week is longer than the maps' "
            "usual publication lag of 1-3 days.",
        ),
        Setting(
            "control_map_days_before",
            6,
            "The window opens this many days before the claim date D: maps "
            "sometimes show a change before an official claim (negative lag).",
        ),
        Setting(
            "control_map_days_after",
            30,
            "The window closes this many days after D: claims often run ahead of "
            "the fighting by weeks, and a month separates 'early' from 'wrong'.",
        ),
        Setting(
            "control_map_max_stale_days",
            10,
            "A day without a snapshot uses the nearest earlier one only if it is at "
            "most this old; daily maps miss a few days, weekly ones still reach.",
        ),
        # --- verify: numbers ---
        Setting(
            "series_window_days",
            60,
            "Daily increments are judged against the median/MAD of the increments "
            "of this many days before them: loss rates drift over a war's months.",
        ),
        Setting(
            "series_mad_threshold",
            10.0,
            "Robust z-score (|x - median| / (1.4826 MAD)) above which a daily "
            "increment is flagged; on the General Staff series 10 flags a few "
            "dozen days in four years (see docs/verify.md).",
        ),
        Setting(
            "series_correction_days",
            1,
            "A decrease within this many days of a published correction is "
            "explained by it (the correction file dates the day before the drop).",
        ),
        Setting(
            "reference_max_daily_share",
            0.25,
            "Largest share of a place's reference total (buildings, settlements) "
            "one claim may say was taken per day before it is flagged as "
            "implausible; a judgement, not yet a measurement.",
        ),
        Setting(
            "media_max_image_pixels",
            100_000_000,
            "Most pixels an image or video frame may have (Pillow's "
            "MAX_IMAGE_PIXELS); a 12,000 x 8,000 photo is 96 million, and a "
            "decompression bomb claims billions.",
        ),
        Setting(
            "media_max_file_bytes",
            4 * 1024**3,
            "Largest media file read (Telegram's own limit is 4 GB); a larger "
            "one is refused with the reason.",
        ),
        Setting(
            "media_sample_seconds",
            1.0,
            "Seconds between the video frames hashed (vPDQ samples about once "
            "a second); consecutive near-identical frames are then dropped.",
        ),
        Setting(
            "media_max_video_frames",
            1800,
            "Most frames hashed per video (30 minutes at one a second); a "
            "longer video is hashed up to here and says so.",
        ),
        Setting(
            "media_max_video_seconds",
            60.0,
            "Most wall-clock seconds spent decoding one video; a 10 GB file is "
            "hashed as far as this allows and says how far it got.",
        ),
        Setting(
            "media_frame_dedupe_distance",
            8,
            "PDQ distance (of 256 bits) under which a sampled frame repeats the "
            "one kept before it and is dropped (a still scene, a title card).",
        ),
        Setting(
            "media_pdq_distance",
            31,
            "Largest PDQ Hamming distance (of 256 bits) two frames may have to "
            "match: PDQ's published threshold; benchmarks/media.py measures "
            "recall per transform and false matches among distinct images at it.",
        ),
        Setting(
            "media_pdq_min_quality",
            50,
            "PDQ quality (0-100) under which a hash is kept but never matched: "
            "flat, near-blank frames all look alike (PDQ's recommendation).",
        ),
        Setting(
            "media_video_match_share",
            0.5,
            "Share of the shorter video's distinct frames that must match frames "
            "of the other for the two to be one footage (a trimmed clip inside "
            "a longer video matches with most of its frames).",
        ),
        Setting(
            "media_recycled_days",
            2,
            "Days before a claim's event (or its post) footage must have been "
            "seen first for the claim to be flagged media.recycled; a post "
            "about yesterday's attack may carry yesterday's video.",
        ),
        Setting(
            "media_other_place_km",
            50.0,
            "Distance between the places of two claims carrying one footage "
            "above which the later one is flagged media.recycled.",
        ),
        Setting(
            "media_gps_conflict_km",
            50.0,
            "Distance between a file's GPS tag and the claimed place above which "
            "media.metadata_conflict is flagged.",
        ),
        Setting(
            "media_old_days",
            30,
            "Days before the claimed event a file's creation time may be before "
            "media.metadata_conflict is flagged.",
        ),
    )
}


def default(name: str) -> int | float | str:
    return SETTINGS[name].default
