// Pictures and downloads in the post editor, in one step: dropped, pasted or picked with the
// toolbar's buttons, each file is uploaded at once (blog.admin_editor) and placed where the
// cursor is. A picture shows as itself, with a Description box the author fills in and the
// caption typed under it.
import { Extension, Plugin, crel } from "django-prose-editor/editor"

const csrfToken = () =>
  document.querySelector("input[name=csrfmiddlewaretoken]")?.value || ""

const isPicture = (file) => /^image\//.test(file.type)

// Where the editor's messages go: a live region above it, read out by screen readers.
const statusFor = (editor) => {
  const wrapper = editor.view.dom.closest(".prose-editor")
  let status = wrapper.previousElementSibling
  if (!status?.classList.contains("editor-uploads__status")) {
    status = crel("p", { className: "editor-uploads__status", role: "status" })
    wrapper.before(status)
  }
  return status
}

const say = (editor, message, isError = false) => {
  const status = statusFor(editor)
  status.textContent = message
  status.classList.toggle("editor-uploads__status--error", isError)
}

async function upload(url, file) {
  const body = new FormData()
  body.append("file", file)
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: { "X-CSRFToken": csrfToken() },
    credentials: "same-origin",
  })
  let data = {}
  try {
    data = await response.json()
  } catch {
    data = {}
  }
  if (!response.ok) {
    throw new Error(
      data.error || `“${file.name}” could not be uploaded (${response.status}).`,
    )
  }
  return data
}

function pictureContent(data) {
  return {
    type: "figure",
    content: [
      { type: "image", attrs: { src: data.src, alt: "", file: String(data.id) } },
      { type: "caption" },
    ],
  }
}

function downloadContent(data) {
  return {
    type: "paragraph",
    content: [
      {
        type: "text",
        text: `${data.title} (${data.size})`,
        marks: [{ type: "link", attrs: { href: data.href } }],
      },
    ],
  }
}

// Upload files and place each where pos says, or at the cursor once it arrives.
async function placeFiles(editor, options, files, pos = null) {
  for (const file of files) {
    const picture = isPicture(file)
    say(editor, `Uploading “${file.name}”…`)
    try {
      const data = await upload(picture ? options.pictureUrl : options.downloadUrl, file)
      const content = picture ? pictureContent(data) : downloadContent(data)
      const chain = editor.chain().focus()
      if (pos !== null && pos <= editor.state.doc.content.size) {
        chain.insertContentAt(pos, content)
      } else {
        chain.insertContent(content)
      }
      chain.run()
      pos = null
      say(
        editor,
        picture
          ? `“${file.name}” is in place. Describe it in the box under the picture.`
          : `“${file.name}” is linked where the cursor was.`,
      )
    } catch (error) {
      say(editor, error.message, true)
    }
  }
}

function choose(accept, onChosen) {
  const input = crel("input", { type: "file", accept, multiple: true })
  input.className = "editor-uploads__chooser"
  input.addEventListener("change", () => {
    onChosen([...input.files])
    input.remove()
  })
  document.body.append(input)
  input.click()
}

// The image as the editor shows it: the picture, and its description to fill in.
function imageView(node, view, getPos) {
  const img = crel("img", { src: node.attrs.src || "", alt: node.attrs.alt || "" })
  const input = crel("input", {
    type: "text",
    value: node.attrs.alt || "",
    placeholder: "What the picture shows, for readers who cannot see it",
    maxLength: 250,
  })
  input.className = "editor-picture__alt"
  const label = crel("label", { className: "editor-picture__label" }, [
    crel("span", {
      textContent: node.attrs.file ? "Description (required)" : "Description",
    }),
    input,
  ])
  const dom = crel("div", { className: "editor-picture", contentEditable: "false" }, [
    img,
    label,
  ])
  // A dropped picture (one with its number) must be described: the server refuses it too.
  const refresh = (attrs) => {
    const undescribed = Boolean(attrs.file) && !(attrs.alt || "").trim()
    dom.classList.toggle("editor-picture--undescribed", undescribed)
    input.setCustomValidity(undescribed ? "Describe the picture before saving." : "")
  }
  refresh(node.attrs)
  input.addEventListener("input", () => {
    const pos = getPos()
    if (typeof pos !== "number") return
    view.dispatch(view.state.tr.setNodeAttribute(pos, "alt", input.value))
  })
  return {
    dom,
    update(updated) {
      if (updated.type !== node.type) return false
      node = updated
      if (img.getAttribute("src") !== updated.attrs.src) img.src = updated.attrs.src
      img.alt = updated.attrs.alt || ""
      if (input.value !== (updated.attrs.alt || "")) input.value = updated.attrs.alt || ""
      refresh(updated.attrs)
      return true
    },
    stopEvent: (event) => event.target === input,
    ignoreMutation: () => true,
  }
}

export const EditorUploads = Extension.create({
  name: "editorUploads",

  addOptions() {
    return { pictureUrl: null, downloadUrl: null }
  },

  addMenuItems({ buttons, menu }) {
    const options = this.options
    // In place of the figure button, which asked for an image's address.
    menu.defineItem({
      name: "figure",
      groups: "nodes",
      button: buttons.material("add_photo_alternate", "Insert a picture from your computer"),
      command(editor) {
        choose("image/jpeg,image/png,image/gif,image/webp,image/avif", (files) =>
          placeFiles(editor, options, files),
        )
      },
      active: (editor) => editor.isActive("figure"),
    })
    menu.defineItem({
      name: "download",
      groups: "nodes",
      button: buttons.material("attach_file", "Attach a file for readers to download"),
      command(editor) {
        choose(
          ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.zip",
          (files) => placeFiles(editor, options, files),
        )
      },
    })
  },

  addProseMirrorPlugins() {
    const editor = this.editor
    const options = this.options
    const filesOf = (transfer) => [...(transfer?.files || [])]
    return [
      new Plugin({
        props: {
          nodeViews: { image: imageView },
          handleDrop(view, event) {
            const files = filesOf(event.dataTransfer)
            if (!files.length) return false
            event.preventDefault()
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
            placeFiles(editor, options, files, at ? at.pos : null)
            return true
          },
          handlePaste(view, event) {
            const files = filesOf(event.clipboardData)
            if (!files.length) return false
            event.preventDefault()
            placeFiles(editor, options, files)
            return true
          },
        },
      }),
    ]
  },
})

// Saving is refused by the server while a picture has no description; say so at once too.
document.addEventListener(
  "submit",
  (event) => {
    const missing = event.target.querySelector(".editor-picture--undescribed input")
    if (missing) {
      event.preventDefault()
      missing.reportValidity()
      missing.focus()
    }
  },
  true,
)
