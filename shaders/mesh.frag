// mesh.frag: the atlas-plate look. Studio lighting fixed to the camera (key, fill, rim) over a hemispheric
// ambient; per-tissue materials: muscle with fibre striation and pale tendon, ivory bone, warm translucent skin.
// Compiled once per look (MYO_LOOK: 0 material, 1 skin, 2 bone, 3 muscle), with or without the marks of a
// target (MYO_MARKED: coverage, contact glow, highlight) and a base-colour texture (MYO_TEXTURED): a software
// rasteriser runs both sides of every branch, so each variant keeps only the work its meshes show. What varies
// slowly over a triangle (the striation's phase and bundles, the bone's grain) comes from mesh.vert, and the
// lights are given in world space: a pixel then interpolates fewer inputs and does less. Where the model's
// triangles are a few pixels across, the tissue looks are lit per vertex (MYO_VERTEX_LIGHT: mesh.vert passes on
// the light and the grazing angle); the material look, whose shapes have large triangles, always per pixel.
#ifndef MYO_LOOK
#define MYO_LOOK 0
#endif
#ifndef MYO_MARKED
#define MYO_MARKED 1
#endif
#ifndef MYO_TEXTURED
#define MYO_TEXTURED 1
#endif
#ifndef MYO_VERTEX_LIGHT
#define MYO_VERTEX_LIGHT 0
#endif

in vec3 v_worldPos;
in vec3 v_normal;
#if MYO_LOOK == 0
in vec2 v_uv;
in vec4 v_color;
#endif
#if MYO_MARKED != 0 || MYO_LOOK == 0
in vec3 v_restPos;
#endif
#if MYO_VERTEX_LIGHT
in vec4 v_light;     // mesh.vert: studioLight() at the vertex
in float v_grazing;  // 1 - the cosine between the normal and the view vector
#endif
#if MYO_LOOK == 2
in float v_grain;  // mesh.vert: the bone's shade
#endif
#if MYO_LOOK == 3
in vec4 v_muscle;  // mesh.vert: band phase, bundle shade, tendon, has a fibre direction
#endif

const int kLook = MYO_LOOK;
uniform vec4 u_baseColor;      // material or tissue colour, alpha = opacity
uniform bool u_opaque;         // drawn in the opaque pass: alpha 1 (it marks what the body covers)
uniform bool u_stripes;        // a foam roller: ribs along its length, so its turning shows
uniform sampler2D t_baseColor;
uniform vec3 u_eye;
uniform float u_highlight;     // 0..1: saturation and glow of a target muscle
uniform vec3 u_glowColor;
uniform float u_fibres;        // 0..1 strength of the fibre striation
uniform float u_fresnelAlpha;  // skin: extra opacity at grazing angles so the silhouette reads
uniform bool u_paint;          // draw the exercise's coverage map and contact glow on this mesh
uniform vec4 u_contact;        // rest-space contact point, w = radius (0: no contact)
uniform vec4 u_coverPath[MYO_MAX_COVER_POINTS];  // rest-space polyline where the tool has worked this set
uniform int u_coverCount;
uniform float u_coverRadius;
uniform vec3 u_coverMin;       // rest-space box around the path, grown by u_coverRadius: nothing is covered outside
uniform vec3 u_coverMax;

float segmentDistance(vec3 p, vec3 a, vec3 b) {
  vec3 ab = b - a;
  float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-12), 0.0, 1.0);
  return length(p - (a + ab * t));
}

out vec4 o_color;


void main() {
  vec4 base = u_baseColor;
#if MYO_LOOK == 0
  base *= v_color;
#if MYO_TEXTURED
  base *= texture(t_baseColor, v_uv);
#endif
  if (u_stripes) {
    // The unit cylinder's own frame (rest position): its axis is y, so the angle about it picks the rib.
    float rib = sin(atan(v_restPos.z, v_restPos.x) * 8.0);
    base.rgb *= mix(0.72, 1.0, smoothstep(-0.2, 0.2, rib));
  }
#endif

  vec3 albedo = base.rgb;
  float t = 0.0;  // the muscle look's tendon share

#if MYO_LOOK == 3
  // Fibre striation: bands across the fibres in rest space, faded where they would alias.
  float stripe = 1.0;
  if (v_muscle.w > 0.5 && u_fibres > 0.0) {
    // Bands of constant distance across the fibres, about 2 mm apart (their phase from mesh.vert), faded where a
    // pixel spans more than about one.
    float across = v_muscle.x;
    float aa = clamp(1.2 - fwidth(across) * 1.4, 0.0, 1.0);
    float band = 0.5 + 0.5 * sin(across * 6.2831853);
    stripe = mix(1.0, 0.80 + 0.20 * band, aa * u_fibres) * mix(1.0, 0.90 + 0.20 * v_muscle.y, u_fibres);
  }
  albedo *= stripe;
  t = clamp(v_muscle.z, 0.0, 1.0);
  vec3 tendon = vec3(0.86, 0.84, 0.80);
  albedo = mix(albedo, tendon, smoothstep(0.15, 0.85, t));
#elif MYO_LOOK == 2
  albedo *= v_grain;
#endif
  vec2 highlight = lookHighlight(t);

  // The studio lights (lighting.glsl) and a rim light behind.
#if MYO_VERTEX_LIGHT
  vec4 light = v_light;
  float grazing = v_grazing;
#else
  vec3 n = normalize(v_normal);
  vec3 v = normalize(u_eye - v_worldPos);
  if (!gl_FrontFacing) n = -n;
  vec4 light = studioLight(n, v, highlight.y);
  float grazing = 1.0 - max(dot(n, v), 0.0);
#endif
  float rim = grazing * grazing * grazing * 0.35;
  vec3 color = albedo * light.rgb + kKeyColour * highlight.x * light.a +
               vec3(0.85, 0.90, 1.0) * rim * (kLook == 1 ? 0.6 : 1.0);

#if MYO_MARKED != 0
  if (u_paint) {
    // Worked area: a cool wash; under the tool: a warm glow.
    float covered = 0.0;
    bool nearPath = all(greaterThanEqual(v_restPos, u_coverMin)) && all(lessThanEqual(v_restPos, u_coverMax));
    for (int i = 0; nearPath && i + 1 < u_coverCount; ++i) {
      float d = segmentDistance(v_restPos, u_coverPath[i].xyz, u_coverPath[i + 1].xyz);
      covered = max(covered, 1.0 - smoothstep(u_coverRadius * 0.8, u_coverRadius, d));
    }
    color = mix(color, color * vec3(0.55, 0.85, 1.05) + vec3(0.02, 0.08, 0.12), covered * 0.55);
    if (u_contact.w > 0.0) {
      float d = length(v_restPos - u_contact.xyz) / u_contact.w;
      float glow = 1.0 - smoothstep(0.3, 1.4, d);
      color = mix(color, vec3(1.0, 0.86, 0.45), glow * 0.75);
    }
  }

  if (u_highlight > 0.0) {
    float pulse = grazing * grazing;
    color = mix(color, color * 1.06 + u_glowColor * 0.03, u_highlight);
    color += u_glowColor * pulse * 0.30 * u_highlight;
  }
#endif

  float alpha = base.a;
  if (kLook == 1 && alpha < 1.0) alpha = clamp(alpha + u_fresnelAlpha * grazing * grazing, 0.0, 1.0);
  o_color = vec4(color, u_opaque ? 1.0 : alpha);
}
